"""Short descriptions of the demo's fields of work, structures and meeting types (by name)."""

FIELD_OF_WORK_DESCRIPTIONS = {
    "Arms control": "Transparency, verification and the destruction of surplus weapons and "
    "ammunition build trust between States.",
    "Border management": "Open and secure borders: co-operation between border services, "
    "training and the fight against cross-border crime.",
    "Combating trafficking in human beings": "Preventing trafficking, protecting its victims "
    "and bringing traffickers to justice.",
    "Conflict prevention and resolution": "Early warning, mediation and dialogue to prevent "
    "conflicts and to help settle them.",
    "Countering terrorism": "Preventing violent extremism and radicalization that lead to "
    "terrorism, in line with human rights.",
    "Cyber/ICT Security": "Confidence-building measures that reduce the risk of conflict "
    "stemming from the use of information and communication technologies.",
    "Democratization": "Support for democratic institutions, parliaments, political parties "
    "and the participation of citizens.",
    "Economic activities": "Good economic governance, connectivity and the fight against "
    "corruption and money laundering.",
    "Education": "Education for tolerance, human rights and security, from schools to "
    "professional training.",
    "Elections": "Observation of elections and assistance to make them free, fair and transparent.",
    "Environmental activities": "Co-operation on water, energy, climate and disaster risk, "
    "and public participation in environmental decisions.",
    "Gender equality": "Equal rights and opportunities for women and men, and women's role "
    "in peace and security.",
    "Good governance": "Transparent, accountable public institutions that serve their citizens.",
    "Human rights": "Protection of fundamental freedoms and the rights of every person.",
    "Media freedom and development": "Free, independent and pluralistic media, and the "
    "safety of journalists.",
    "Migration": "Migration governance that is safe, orderly and respects the rights of migrants.",
    "National minority issues": "Preventing tensions involving national minorities and "
    "supporting their integration.",
    "Policing": "Police reform, community policing and the fight against organized crime.",
    "Reform and co-operation in the security sector": "Accountable security institutions "
    "under democratic control.",
    "Roma and Sinti": "Equal opportunities and the participation of Roma and Sinti in public life.",
    "Rule of law": "Independent judiciaries, fair trials and laws that protect everyone.",
    "Tolerance and non-discrimination": "Countering hate crime, racism, xenophobia and "
    "discrimination.",
    "Youth": "Young people as partners in building security and co-operation.",
}

STRUCTURE_DESCRIPTIONS = {
    "Chairpersonship": "The participating State holding the annual Chairpersonship leads the "
    "Organization's political work.",
    "Secretariat": "Based in Vienna and headed by the Secretary General, the Secretariat "
    "supports the participating States, the Chairpersonship and the field operations.",
    "Institutions": "Independent institutions working on democracy, human rights, national "
    "minorities and media freedom.",
    "Field operations": "Field operations assist host countries in putting their commitments "
    "into practice.",
    "Closed field activities": "Field activities that have completed their mandates.",
    "Parliamentary Assembly": "The Assembly of parliamentarians from the participating States.",
    "Court of Conciliation and Arbitration": "Settles disputes submitted to it by States parties "
    "to the Convention on Conciliation and Arbitration.",
    "Secretary General": "The Organization's chief administrative officer, who heads the "
    "Secretariat.",
    "Office of the Secretary General": "Supports the Secretary General in leading the "
    "Secretariat and its work with partners.",
    "Conflict Prevention Centre": "Early warning, mediation support and the co-ordination of "
    "the field operations.",
    "Transnational Threats Department": "Border security, policing, cyber security and "
    "countering terrorism across the region.",
    "Office of the Special Representative and Co-ordinator for Combating Trafficking in "
    "Human Beings": "Helps participating States fight trafficking in human beings.",
    "Office of the Co-ordinator of OSCE Economic and Environmental Activities": "Leads the "
    "Organization's economic and environmental work.",
    "Gender Issues Programme": "Brings gender equality into every part of the Organization's work.",
    "Opportunities for Youth": "Involves young people in the Organization's work.",
    "Department of Human Resources": "Recruits and supports the Organization's staff.",
    "Department of Management and Finance": "Budget, finance, procurement and information "
    "technology.",
    "Office of Internal Oversight": "Independent audit, evaluation and investigation.",
    "Documentation Centre in Prague": "Keeps the Organization's archives and opens them to "
    "researchers.",
    "Office for Democratic Institutions and Human Rights": "Observes elections and supports "
    "democracy, human rights, tolerance and the rule of law (Warsaw).",
    "High Commissioner on National Minorities": "Identifies and defuses tensions involving "
    "national minorities (The Hague).",
    "Representative on Freedom of the Media": "Watches over media freedom and the safety of "
    "journalists (Vienna).",
}
FIELD_OPERATION_DESCRIPTION = (
    "Works with {host} on security, democratic institutions, the rule of law and human "
    "rights, from its office in {city}."
)

MEETING_TYPE_DESCRIPTIONS = {
    "Summit meetings": "Meetings of the Heads of State or Government of the participating States.",
    "Review Conferences": "Conferences that review how commitments are put into practice.",
    "Ministerial Council meetings": "The yearly meeting of the participating States' foreign "
    "ministers.",
    "Plenary meetings of the Permanent Council": "The weekly meetings of the Organization's "
    "regular decision-making body in Vienna.",
    "Plenary Meetings of the Forum for Security Co-operation": "Weekly meetings on military "
    "aspects of security.",
    "Security Review Conferences": "Yearly conferences on the politico-military dimension of "
    "security.",
    "Annual Implementation Assessment Meetings": "Meetings on the implementation of "
    "confidence- and security-building measures.",
    "Economic and Environmental Forum": "The yearly forum on economic and environmental security.",
    "Economic and Environmental Dimension Implementation Meetings": "Reviews of the economic "
    "and environmental commitments.",
    "Human rights meetings": "Meetings on human rights, fundamental freedoms and democracy.",
    "Media conferences": "Conferences on media freedom and the safety of journalists.",
    "Cyber/ICT security conferences": "Conferences on confidence-building in cyberspace.",
    "Conference of the Alliance against Trafficking in Persons": "The yearly conference of "
    "the Organization and its partners against trafficking.",
    "Gender equality conferences": "Conferences on gender equality and women, peace and security.",
    "Annual OSCE Mediterranean conferences": "Yearly conferences with the Mediterranean "
    "Partners for Co-operation.",
    "Annual OSCE Asian conferences": "Yearly conferences with the Asian Partners for Co-operation.",
    "Partnerships": "Meetings with partner organizations and the Partners for Co-operation.",
}
