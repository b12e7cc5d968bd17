#include "core/regions.hpp"

#include "core/text.hpp"

namespace careerplan {

const std::vector<State>& us_states()
{
  static const std::vector<State> k_states = {
      {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
      {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"DC", "District of Columbia"},
      {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"},
      {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"},
      {"ME", "Maine"}, {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
      {"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
      {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
      {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
      {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
      {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"},
      {"WA", "Washington"}, {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"},
      {"AS", "American Samoa"}, {"GU", "Guam"}, {"MP", "Northern Mariana Islands"}, {"PR", "Puerto Rico"},
      {"VI", "U.S. Virgin Islands"},
  };
  return k_states;
}

const State* find_state(std::string_view code_or_name)
{
  for (const auto& s : us_states()) {
    if (code_or_name == s.code) { // the usual case, without case folding (every role names dozens)
      return &s;
    }
  }
  for (const auto& s : us_states()) {
    if (iequals(code_or_name, s.code) || iequals(code_or_name, s.name)) {
      return &s;
    }
  }
  return nullptr;
}

std::string state_hint(std::string_view wanted)
{
  std::vector<std::string> codes;
  for (const auto& s : us_states()) {
    codes.emplace_back(s.code);
  }
  return did_you_mean(wanted, codes);
}

std::string state_usage_hint(std::string_view wanted)
{
  const std::string hint = state_hint(wanted);
  return hint.empty() ? "use a USPS code such as CA or TX, or a state's name" : hint;
}

const std::vector<Country>& countries()
{
  // ISO 3166-1 alpha-2 codes and common English names, generated from Debian's iso-codes 4.15
  // (/usr/share/iso-codes/json/iso_3166-1.json).
  static const std::vector<Country> k_countries = {
      {"AD", "Andorra"}, {"AE", "United Arab Emirates"}, {"AF", "Afghanistan"}, {"AG", "Antigua and Barbuda"},
      {"AI", "Anguilla"}, {"AL", "Albania"}, {"AM", "Armenia"}, {"AO", "Angola"}, {"AQ", "Antarctica"},
      {"AR", "Argentina"}, {"AS", "American Samoa"}, {"AT", "Austria"}, {"AU", "Australia"}, {"AW", "Aruba"},
      {"AX", "Åland Islands"}, {"AZ", "Azerbaijan"}, {"BA", "Bosnia and Herzegovina"}, {"BB", "Barbados"},
      {"BD", "Bangladesh"}, {"BE", "Belgium"}, {"BF", "Burkina Faso"}, {"BG", "Bulgaria"}, {"BH", "Bahrain"},
      {"BI", "Burundi"}, {"BJ", "Benin"}, {"BL", "Saint Barthélemy"}, {"BM", "Bermuda"},
      {"BN", "Brunei Darussalam"}, {"BO", "Bolivia"}, {"BQ", "Bonaire, Sint Eustatius and Saba"},
      {"BR", "Brazil"}, {"BS", "Bahamas"}, {"BT", "Bhutan"}, {"BV", "Bouvet Island"}, {"BW", "Botswana"},
      {"BY", "Belarus"}, {"BZ", "Belize"}, {"CA", "Canada"}, {"CC", "Cocos (Keeling) Islands"},
      {"CD", "Congo, The Democratic Republic of the"}, {"CF", "Central African Republic"}, {"CG", "Congo"},
      {"CH", "Switzerland"}, {"CI", "Côte d'Ivoire"}, {"CK", "Cook Islands"}, {"CL", "Chile"},
      {"CM", "Cameroon"}, {"CN", "China"}, {"CO", "Colombia"}, {"CR", "Costa Rica"}, {"CU", "Cuba"},
      {"CV", "Cabo Verde"}, {"CW", "Curaçao"}, {"CX", "Christmas Island"}, {"CY", "Cyprus"}, {"CZ", "Czechia"},
      {"DE", "Germany"}, {"DJ", "Djibouti"}, {"DK", "Denmark"}, {"DM", "Dominica"},
      {"DO", "Dominican Republic"}, {"DZ", "Algeria"}, {"EC", "Ecuador"}, {"EE", "Estonia"}, {"EG", "Egypt"},
      {"EH", "Western Sahara"}, {"ER", "Eritrea"}, {"ES", "Spain"}, {"ET", "Ethiopia"}, {"FI", "Finland"},
      {"FJ", "Fiji"}, {"FK", "Falkland Islands (Malvinas)"}, {"FM", "Micronesia, Federated States of"},
      {"FO", "Faroe Islands"}, {"FR", "France"}, {"GA", "Gabon"}, {"GB", "United Kingdom"}, {"GD", "Grenada"},
      {"GE", "Georgia"}, {"GF", "French Guiana"}, {"GG", "Guernsey"}, {"GH", "Ghana"}, {"GI", "Gibraltar"},
      {"GL", "Greenland"}, {"GM", "Gambia"}, {"GN", "Guinea"}, {"GP", "Guadeloupe"},
      {"GQ", "Equatorial Guinea"}, {"GR", "Greece"}, {"GS", "South Georgia and the South Sandwich Islands"},
      {"GT", "Guatemala"}, {"GU", "Guam"}, {"GW", "Guinea-Bissau"}, {"GY", "Guyana"}, {"HK", "Hong Kong"},
      {"HM", "Heard Island and McDonald Islands"}, {"HN", "Honduras"}, {"HR", "Croatia"}, {"HT", "Haiti"},
      {"HU", "Hungary"}, {"ID", "Indonesia"}, {"IE", "Ireland"}, {"IL", "Israel"}, {"IM", "Isle of Man"},
      {"IN", "India"}, {"IO", "British Indian Ocean Territory"}, {"IQ", "Iraq"}, {"IR", "Iran"},
      {"IS", "Iceland"}, {"IT", "Italy"}, {"JE", "Jersey"}, {"JM", "Jamaica"}, {"JO", "Jordan"},
      {"JP", "Japan"}, {"KE", "Kenya"}, {"KG", "Kyrgyzstan"}, {"KH", "Cambodia"}, {"KI", "Kiribati"},
      {"KM", "Comoros"}, {"KN", "Saint Kitts and Nevis"}, {"KP", "North Korea"}, {"KR", "South Korea"},
      {"KW", "Kuwait"}, {"KY", "Cayman Islands"}, {"KZ", "Kazakhstan"}, {"LA", "Laos"}, {"LB", "Lebanon"},
      {"LC", "Saint Lucia"}, {"LI", "Liechtenstein"}, {"LK", "Sri Lanka"}, {"LR", "Liberia"},
      {"LS", "Lesotho"}, {"LT", "Lithuania"}, {"LU", "Luxembourg"}, {"LV", "Latvia"}, {"LY", "Libya"},
      {"MA", "Morocco"}, {"MC", "Monaco"}, {"MD", "Moldova"}, {"ME", "Montenegro"},
      {"MF", "Saint Martin (French part)"}, {"MG", "Madagascar"}, {"MH", "Marshall Islands"},
      {"MK", "North Macedonia"}, {"ML", "Mali"}, {"MM", "Myanmar"}, {"MN", "Mongolia"}, {"MO", "Macao"},
      {"MP", "Northern Mariana Islands"}, {"MQ", "Martinique"}, {"MR", "Mauritania"}, {"MS", "Montserrat"},
      {"MT", "Malta"}, {"MU", "Mauritius"}, {"MV", "Maldives"}, {"MW", "Malawi"}, {"MX", "Mexico"},
      {"MY", "Malaysia"}, {"MZ", "Mozambique"}, {"NA", "Namibia"}, {"NC", "New Caledonia"}, {"NE", "Niger"},
      {"NF", "Norfolk Island"}, {"NG", "Nigeria"}, {"NI", "Nicaragua"}, {"NL", "Netherlands"},
      {"NO", "Norway"}, {"NP", "Nepal"}, {"NR", "Nauru"}, {"NU", "Niue"}, {"NZ", "New Zealand"},
      {"OM", "Oman"}, {"PA", "Panama"}, {"PE", "Peru"}, {"PF", "French Polynesia"}, {"PG", "Papua New Guinea"},
      {"PH", "Philippines"}, {"PK", "Pakistan"}, {"PL", "Poland"}, {"PM", "Saint Pierre and Miquelon"},
      {"PN", "Pitcairn"}, {"PR", "Puerto Rico"}, {"PS", "Palestine, State of"}, {"PT", "Portugal"},
      {"PW", "Palau"}, {"PY", "Paraguay"}, {"QA", "Qatar"}, {"RE", "Réunion"}, {"RO", "Romania"},
      {"RS", "Serbia"}, {"RU", "Russian Federation"}, {"RW", "Rwanda"}, {"SA", "Saudi Arabia"},
      {"SB", "Solomon Islands"}, {"SC", "Seychelles"}, {"SD", "Sudan"}, {"SE", "Sweden"}, {"SG", "Singapore"},
      {"SH", "Saint Helena, Ascension and Tristan da Cunha"}, {"SI", "Slovenia"},
      {"SJ", "Svalbard and Jan Mayen"}, {"SK", "Slovakia"}, {"SL", "Sierra Leone"}, {"SM", "San Marino"},
      {"SN", "Senegal"}, {"SO", "Somalia"}, {"SR", "Suriname"}, {"SS", "South Sudan"},
      {"ST", "Sao Tome and Principe"}, {"SV", "El Salvador"}, {"SX", "Sint Maarten (Dutch part)"},
      {"SY", "Syria"}, {"SZ", "Eswatini"}, {"TC", "Turks and Caicos Islands"}, {"TD", "Chad"},
      {"TF", "French Southern Territories"}, {"TG", "Togo"}, {"TH", "Thailand"}, {"TJ", "Tajikistan"},
      {"TK", "Tokelau"}, {"TL", "Timor-Leste"}, {"TM", "Turkmenistan"}, {"TN", "Tunisia"}, {"TO", "Tonga"},
      {"TR", "Türkiye"}, {"TT", "Trinidad and Tobago"}, {"TV", "Tuvalu"}, {"TW", "Taiwan"}, {"TZ", "Tanzania"},
      {"UA", "Ukraine"}, {"UG", "Uganda"}, {"UM", "United States Minor Outlying Islands"},
      {"US", "United States"}, {"UY", "Uruguay"}, {"UZ", "Uzbekistan"},
      {"VA", "Holy See (Vatican City State)"}, {"VC", "Saint Vincent and the Grenadines"}, {"VE", "Venezuela"},
      {"VG", "Virgin Islands, British"}, {"VI", "Virgin Islands, U.S."}, {"VN", "Vietnam"}, {"VU", "Vanuatu"},
      {"WF", "Wallis and Futuna"}, {"WS", "Samoa"}, {"YE", "Yemen"}, {"YT", "Mayotte"}, {"ZA", "South Africa"},
      {"ZM", "Zambia"}, {"ZW", "Zimbabwe"},
  };
  return k_countries;
}

const Country* find_country(std::string_view code_or_name)
{
  if (iequals(code_or_name, "UK")) {
    code_or_name = "GB"; // exceptionally reserved in ISO 3166-1 for the United Kingdom
  }
  for (const auto& c : countries()) {
    if (code_or_name == c.code) { // the usual case, without case folding
      return &c;
    }
  }
  for (const auto& c : countries()) {
    if (iequals(code_or_name, c.code) || iequals(code_or_name, c.name)) {
      return &c;
    }
  }
  return nullptr;
}

std::string country_hint(std::string_view wanted)
{
  // A code is compared with the codes, a longer word with the names.
  std::vector<std::string> candidates;
  for (const auto& c : countries()) {
    candidates.emplace_back(wanted.size() > 3 ? c.name : c.code);
  }
  return did_you_mean(wanted, candidates);
}

std::string country_usage_hint(std::string_view wanted)
{
  const std::string hint = country_hint(wanted);
  return hint.empty() ? "use an ISO 3166 two-letter code such as GB, DE or SG" : hint;
}

} // namespace careerplan
