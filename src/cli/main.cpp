#include "cli/context.hpp"

int main(int argc, char** argv)
{
  return careerplan::run_cli(argc, argv);
}
