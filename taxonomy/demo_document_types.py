"""The library's document types (``demo.DOCUMENT_TYPES``) in the organisation's five other
official languages: English text -> (French, German, Italian, Russian, Spanish)."""

DOCUMENT_TYPE_NAMES = {
    "Decisions": ("Décisions", "Beschlüsse", "Decisioni", "Решения", "Decisiones"),
    "Permanent Council decisions": (
        "Décisions du Conseil permanent",
        "Beschlüsse des Ständigen Rates",
        "Decisioni del Consiglio permanente",
        "Решения Постоянного совета",
        "Decisiones del Consejo Permanente",
    ),
    "Ministerial Council decisions": (
        "Décisions du Conseil ministériel",
        "Beschlüsse des Ministerrats",
        "Decisioni del Consiglio dei ministri",
        "Решения Совета министров",
        "Decisiones del Consejo Ministerial",
    ),
    "Forum for Security Co-operation decisions": (
        "Décisions du Forum pour la coopération en matière de sécurité",
        "Beschlüsse des Forums für Sicherheitskooperation",
        "Decisioni del Foro di cooperazione per la sicurezza",
        "Решения Форума по сотрудничеству в области безопасности",
        "Decisiones del Foro de Cooperación en materia de Seguridad",
    ),
    "Statements": ("Déclarations", "Erklärungen", "Dichiarazioni", "Заявления", "Declaraciones"),
    "Reports": ("Rapports", "Berichte", "Rapporti", "Доклады", "Informes"),
    "Publications": (
        "Publications",
        "Publikationen",
        "Pubblicazioni",
        "Публикации",
        "Publicaciones",
    ),
    "Speeches": ("Discours", "Reden", "Discorsi", "Выступления", "Discursos"),
    "Factsheets": ("Fiches d'information", "Factsheets", "Schede informative", "Справки", "Fichas"),
}

DOCUMENT_TYPE_DESCRIPTIONS = {
    "Decisions of the Organization's decision-making bodies, each with its reference number.": (
        "Décisions des organes de décision de l'Organisation, chacune avec sa cote.",
        "Beschlüsse der Beschlussfassungsorgane der Organisation, jeder mit seinem Aktenzeichen.",
        "Decisioni degli organi decisionali dell'Organizzazione, ciascuna con il suo numero di "
        "riferimento.",
        "Решения директивных органов Организации, каждое со своим условным обозначением.",
        "Decisiones de los órganos decisorios de la Organización, cada una con su número de "
        "referencia.",
    ),
    "Decisions of the Permanent Council (PC.DEC).": (
        "Décisions du Conseil permanent (PC.DEC).",
        "Beschlüsse des Ständigen Rates (PC.DEC).",
        "Decisioni del Consiglio permanente (PC.DEC).",
        "Решения Постоянного совета (PC.DEC).",
        "Decisiones del Consejo Permanente (PC.DEC).",
    ),
    "Decisions of the Ministerial Council (MC.DEC).": (
        "Décisions du Conseil ministériel (MC.DEC).",
        "Beschlüsse des Ministerrats (MC.DEC).",
        "Decisioni del Consiglio dei ministri (MC.DEC).",
        "Решения Совета министров (MC.DEC).",
        "Decisiones del Consejo Ministerial (MC.DEC).",
    ),
    "Decisions of the Forum for Security Co-operation (FSC.DEC).": (
        "Décisions du Forum pour la coopération en matière de sécurité (FSC.DEC).",
        "Beschlüsse des Forums für Sicherheitskooperation (FSC.DEC).",
        "Decisioni del Foro di cooperazione per la sicurezza (FSC.DEC).",
        "Решения Форума по сотрудничеству в области безопасности (FSC.DEC).",
        "Decisiones del Foro de Cooperación en materia de Seguridad (FSC.DEC).",
    ),
    "Statements of the Chairpersonship, the institutions and the missions.": (
        "Déclarations de la Présidence, des institutions et des missions.",
        "Erklärungen des Vorsitzes, der Institutionen und der Missionen.",
        "Dichiarazioni della Presidenza, delle istituzioni e delle missioni.",
        "Заявления Председательства, институтов и миссий.",
        "Declaraciones de la Presidencia, las instituciones y las misiones.",
    ),
    "Reports on elections, activities and the situation in the field.": (
        "Rapports sur les élections, les activités et la situation sur le terrain.",
        "Berichte über Wahlen, Tätigkeiten und die Lage vor Ort.",
        "Rapporti sulle elezioni, le attività e la situazione sul terreno.",
        "Доклады о выборах, деятельности и положении на местах.",
        "Informes sobre las elecciones, las actividades y la situación sobre el terreno.",
    ),
    "Handbooks, guides and studies.": (
        "Manuels, guides et études.",
        "Handbücher, Leitfäden und Studien.",
        "Manuali, guide e studi.",
        "Справочники, руководства и исследования.",
        "Manuales, guías y estudios.",
    ),
    "Speeches of the Organization's officials.": (
        "Discours des responsables de l'Organisation.",
        "Reden der Amtsträger der Organisation.",
        "Discorsi dei funzionari dell'Organizzazione.",
        "Выступления должностных лиц Организации.",
        "Discursos de los altos cargos de la Organización.",
    ),
    "Short overviews of a structure or a field of work.": (
        "Brèves présentations d'une structure ou d'un domaine d'action.",
        "Kurze Übersichten über eine Struktur oder ein Tätigkeitsfeld.",
        "Brevi panoramiche di una struttura o di un settore di attività.",
        "Краткие обзоры структуры или направления деятельности.",
        "Breves presentaciones de una estructura o de un ámbito de trabajo.",
    ),
}
