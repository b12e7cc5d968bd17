#!/usr/bin/env python3
"""Fills the thin role profiles' tools and education from O*NET 29.3 (CC BY 4.0), read from the
official files (shared/realdata/onet_29_3, never committed): Technology Skills.txt (the examples
O*NET flags "In Demand", from job postings) and Education, Training, and Experience.txt (the
Required Level of Education distribution). Every entry cites its O*NET file and release; the
skill a tool is filed under is careerplan's reading of the tool (a modelling choice, said in the
note). Run from the repository root: python3 tools/onet_profile_fill.py ../shared/realdata/onet_29_3"""
import csv
import json
import os
import sys

# role id -> the O*NET-SOC occupation the profile is anchored to (its SOC mapping)
ANCHOR = {
    "ai-operations-specialist": "15-1211.00",
    "applied-research-scientist": "15-1221.00",
    "data-analyst": "15-2051.01",
    "data-engineer": "15-1243.00",
    "data-scientist": "15-2051.00",
    "head-of-ai": "11-3021.00",
    "mlops-engineer": "15-1252.00",
    "software-engineer": "15-1252.00",
}

# careerplan's reading: which catalog skill a tool is used for (a modelling choice)
TOOL_SKILL = {
    "Python": "python", "pandas": "python", "NumPy": "python", "Jupyter Notebook": "python",
    "Structured query language SQL": "sql", "PostgreSQL": "sql", "MySQL": "sql", "Microsoft SQL Server": "sql",
    "Oracle Database": "sql", "Transact-SQL": "sql", "Oracle PL/SQL": "sql", "Snowflake": "sql",
    "Amazon Redshift": "sql", "NoSQL": "data-modelling", "MongoDB": "data-modelling",
    "Tableau": "data-visualization", "Microsoft Power BI": "data-visualization", "Qlik Tech QlikView": "data-visualization",
    "SAS": "statistics", "R": "statistics", "IBM SPSS Statistics": "statistics", "StataCorp Stata": "statistics",
    "The MathWorks MATLAB": "statistics",
    "PyTorch": "applied-ml", "TensorFlow": "applied-ml", "Scikit-learn": "applied-ml", "Keras": "applied-ml",
    "Git": "software-engineering", "GitHub": "software-engineering", "Jenkins CI": "software-engineering",
    "JavaScript": "software-engineering", "Oracle Java": "software-engineering", "C++": "software-engineering",
    "C#": "software-engineering", "React": "software-engineering", "Node.js": "software-engineering",
    "TypeScript": "software-engineering", "Go": "software-engineering", "Spring Framework": "software-engineering",
    "Docker": "cloud-platforms", "Kubernetes": "cloud-platforms", "Amazon Web Services AWS software": "cloud-platforms",
    "Microsoft Azure software": "cloud-platforms", "Google Cloud software": "cloud-platforms", "Linux": "cloud-platforms",
    "Apache Spark": "data-pipelines", "Apache Hadoop": "data-pipelines", "Apache Kafka": "data-pipelines",
    "Apache Airflow": "data-pipelines", "Informatica software": "data-pipelines", "Databricks": "data-pipelines",
    "Spring Boot": "software-engineering", "RESTful API": "software-engineering", "Scala": "software-engineering",
    "IBM Terraform": "cloud-platforms", "Oracle Cloud software": "cloud-platforms", "Hugging Face": "applied-ml",
}

RL = {1: "less than a high school diploma", 2: "a high school diploma", 3: "a post-secondary certificate",
      4: "some college courses", 5: "an associate's degree", 6: "a bachelor's degree",
      7: "a post-baccalaureate certificate", 8: "a master's degree", 9: "a post-master's certificate",
      10: "a first professional degree", 11: "a doctoral degree", 12: "post-doctoral training"}


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def main():
    onet = sys.argv[1]
    tech = rows(os.path.join(onet, "Technology Skills.txt"))
    ete = rows(os.path.join(onet, "Education, Training, and Experience.txt"))
    titles = {r["O*NET-SOC Code"]: r["Title"] for r in rows(os.path.join(onet, "Occupation Data.txt"))}
    ete_by = {}
    for r in ete:
        if r["Scale ID"] == "RL":
            ete_by.setdefault(r["O*NET-SOC Code"], []).append(r)
    for role_id, code in ANCHOR.items():
        path = os.path.join("data", "roles", role_id + ".json")
        role = json.load(open(path, encoding="utf-8"))
        uses = {s["skill"] for s in role["skills"]}
        title = titles[code]
        tools = []
        for r in tech:
            if r["O*NET-SOC Code"] != code or r["In Demand"] != "Y":
                continue
            skill = TOOL_SKILL.get(r["Example"])
            note = (f"O*NET 29.3 lists it for {code} {title} as in demand in job postings"
                    f"{', and as a hot technology' if r['Hot Technology'] == 'Y' else ''}.")
            if skill in uses:
                note += f" Filed under {skill}: careerplan's reading of the tool, a modelling choice."
            tools.append({"name": r["Example"], "category": r["Commodity Title"], "note": note,
                          "skills": [skill] if skill in uses else [], "source": "onet-29-3-technology-skills"})
        if tools and not role.get("tools"):
            role["tools"] = tools
        edu = sorted(ete_by.get(code, []), key=lambda r: -float(r["Data Value"]))
        edu = [r for r in edu if float(r["Data Value"]) >= 5]
        if edu:
            parts = [f"{r['Data Value']}% {RL[int(r['Category'])]}" for r in edu]
            who = edu[0]["Domain Source"].lower()
            text = (f"O*NET 29.3 (Education, Training, and Experience), {code} {title}: the required level of "
                    f"education, as rated by {edu[0]['N']} respondents ({who}, {edu[0]['Date']}): "
                    + ", ".join(parts) + " (categories under 5% left out).")
            cited = {"text": text, "source": "onet-29-3-education"}
            role.setdefault("education", [])
            role["education"] = [e for e in role["education"] if e["source"] != "onet-29-3-education"] + [cited]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(role, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print(role_id, code, len(tools), "tools", "education" if edu else "no education ratings")


if __name__ == "__main__":
    main()
