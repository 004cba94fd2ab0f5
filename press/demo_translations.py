"""The demo's press releases in other languages: the seed release in Russian, and the parts the
generated releases are assembled from, in French and Russian (press/demo.py uses them for a
share of the generated newsroom).

The Russian seed follows the organisation's Russian usage: Департамент по противодействию
транснациональным угрозам (Transnational Threats Department), Отдел по стратегическим вопросам
полицейской деятельности (Strategic Police Matters Unit), Организация Договора о коллективной
безопасности (Collective Security Treaty Organization).
"""

SEED_RU_TITLE = (
    "ОБСЕ содействует развитию сотрудничества правоохранительных органов стран Восточной Европы "
    "в противодействии незаконному обороту новых психоактивных веществ"
)
SEED_RU_LEAD = (
    "Более 40 представителей правоохранительных органов Беларуси, Болгарии, Латвии, Литвы, "
    "Молдовы, Российской Федерации и Украины, а также эксперты восьми международных организаций "
    "завершили в Минске обсуждение вопросов расширения сотрудничества правоохранительных органов "
    "в борьбе с растущим распространением новых психоактивных веществ."
)
SEED_RU_PARAGRAPHS = [
    "МИНСК, 17 февраля 2016 года – Более 40 представителей правоохранительных органов "
    "Беларуси, Болгарии, Латвии, Литвы, Молдовы, Российской Федерации и Украины, а также "
    "эксперты восьми международных организаций завершили сегодня в Минске двухдневное "
    "обсуждение вопросов расширения сотрудничества правоохранительных органов в борьбе с "
    "растущим распространением новых психоактивных веществ.",
    "Целью круглого стола была выработка надлежащих национальных законодательных мер, "
    "процедур и оперативной практики противодействия предложению новых психоактивных веществ в "
    "Восточной Европе путем распространения передового опыта и успешных практик, а также "
    "укрепления потенциала взаимодействия правоохранительных органов региона.",
    "Обсуждение было организовано Отделом по стратегическим вопросам полицейской деятельности "
    "Департамента ОБСЕ по противодействию транснациональным угрозам в сотрудничестве с "
    "Министерством внутренних дел Беларуси по просьбе Беларуси.",
    "«В силу своего географического положения и быстро развивающихся миграционных и "
    "интеграционных процессов Республика Беларусь сталкивается с многоплановой проблемой "
    "незаконных наркотиков и новых психоактивных веществ, – заявил первый заместитель Министра "
    "внутренних дел Беларуси Валентин Михневич. – Белорусские власти во взаимодействии с другими "
    "государствами – членами Организации Договора о коллективной безопасности приняли ряд "
    "законодательных мер, в том числе касающихся интернета, чтобы защитить население страны, "
    "особенно молодежь, от этой угрозы».",
    "Руководитель Отдела ОБСЕ по стратегическим вопросам полицейской деятельности Ги Вине "
    "отметил: «Новые психоактивные вещества представляют собой меняющуюся глобальную угрозу "
    "как минимум для более чем 100 стран и территорий, большинство из которых находится в "
    "Европе. К новым психоактивным веществам относятся вещества, не контролируемые в "
    "соответствии с международным правом, и к тому времени, когда власти выявляют их и вводят "
    "в отношении них регулирование, организованная преступность быстро переключается на "
    "продажу совершенно новых веществ. Чтобы исправить эту ситуацию, необходимы действенные "
    "законодательные меры и скоординированная оперативная практика».",
]

# The generated releases' parts (press/demo.py: ACTIONS, SUBJECTS, AUDIENCES, SENTENCES), each
# English part with its translation. An action is followed by its subject as the language's
# grammar needs it: French subjects carry their article, Russian ones are in the genitive.
GENERATED = {
    "fr": {
        "actions": {
            "OSCE supports": "L’OSCE soutient",
            "OSCE trains": "L’OSCE organise une formation sur",
            "OSCE helps strengthen": "L’OSCE aide à renforcer",
            "OSCE promotes": "L’OSCE promeut",
            "OSCE discusses": "L’OSCE organise un débat sur",
            "OSCE launches project on": "L’OSCE lance un projet sur",
            "OSCE concludes workshop on": "L’OSCE conclut un atelier sur",
            "OSCE hosts conference on": "L’OSCE accueille une conférence sur",
            "OSCE experts review": "Les experts de l’OSCE examinent",
            "OSCE and partners advance": "L’OSCE et ses partenaires font progresser",
        },
        "subjects": {
            "border security co-operation": "la coopération en matière de sécurité des frontières",
            "media freedom and journalists' safety": "la liberté des médias et la sécurité des "
            "journalistes",
            "gender equality in the security sector": "l’égalité entre les femmes et les hommes "
            "dans le secteur de la sécurité",
            "countering violent extremism": "la lutte contre l’extrémisme violent",
            "election observation methodology": "la méthodologie d’observation des élections",
            "cyber security confidence-building measures": "les mesures de confiance en matière "
            "de cybersécurité",
            "combating trafficking in human beings": "la lutte contre la traite des êtres humains",
            "environmental governance": "la gouvernance environnementale",
            "police reform": "la réforme de la police",
            "rule of law and judicial independence": "l’état de droit et l’indépendance de la "
            "justice",
            "the rights of national minorities": "les droits des minorités nationales",
            "small arms and light weapons destruction": "la destruction d’armes légères et de "
            "petit calibre",
            "youth engagement in conflict prevention": "la participation des jeunes à la "
            "prévention des conflits",
            "good governance and anti-corruption": "la bonne gouvernance et la lutte contre la "
            "corruption",
            "water management and disaster risk reduction": "la gestion de l’eau et la réduction "
            "des risques de catastrophe",
            "community policing": "la police de proximité",
            "tolerance and non-discrimination": "la tolérance et la non-discrimination",
            "economic connectivity": "la connectivité économique",
        },
        "audiences": {
            "for law enforcement officers": "pour les agents des forces de l’ordre",
            "with civil society representatives": "avec des représentants de la société civile",
            "for young leaders": "pour de jeunes leaders",
            "with national authorities": "avec les autorités nationales",
            "for journalists": "pour des journalistes",
            "with parliamentarians": "avec des parlementaires",
            "for judges and prosecutors": "pour des juges et des procureurs",
            "with local communities": "avec les communautés locales",
        },
        "sentences": {
            "Participants exchanged good practices and agreed on concrete next steps.": "Les "
            "participants ont échangé leurs bonnes pratiques et se sont accordés sur les "
            "prochaines étapes concrètes.",
            "The event brought together representatives of government, international "
            "organizations and civil society.": "La manifestation a réuni des représentants des "
            "pouvoirs publics, d’organisations internationales et de la société civile.",
            "Experts presented recent developments and discussed the challenges ahead.": "Des "
            "experts ont présenté les évolutions récentes et débattu des défis à venir.",
            "The activity is part of a long-term project funded by participating States.": "Cette "
            "activité s’inscrit dans un projet à long terme financé par des États participants.",
            "The host authorities thanked the Organization for its continued support.": "Les "
            "autorités hôtes ont remercié l’Organisation de son soutien constant.",
            "A follow-up meeting is planned for later in the year.": "Une réunion de suivi est "
            "prévue dans le courant de l’année.",
            "Training materials were developed together with national institutions.": "Le "
            "matériel de formation a été élaboré avec des institutions nationales.",
            "The discussion focused on practical tools and regional co-operation.": "La "
            "discussion a porté sur des outils pratiques et la coopération régionale.",
        },
    },
    "ru": {
        "actions": {
            "OSCE supports": "ОБСЕ оказывает поддержку в вопросах",
            "OSCE trains": "ОБСЕ проводит обучение по вопросам",
            "OSCE helps strengthen": "ОБСЕ помогает укреплять работу в области",
            "OSCE promotes": "ОБСЕ содействует развитию",
            "OSCE discusses": "ОБСЕ проводит обсуждение",
            "OSCE launches project on": "ОБСЕ начинает проект по вопросам",
            "OSCE concludes workshop on": "ОБСЕ завершает семинар по вопросам",
            "OSCE hosts conference on": "ОБСЕ проводит конференцию по вопросам",
            "OSCE experts review": "Эксперты ОБСЕ рассматривают вопросы",
            "OSCE and partners advance": "ОБСЕ и партнеры продвигают работу в области",
        },
        "subjects": {
            "border security co-operation": "сотрудничества в сфере пограничной безопасности",
            "media freedom and journalists' safety": "свободы СМИ и безопасности журналистов",
            "gender equality in the security sector": "гендерного равенства в секторе безопасности",
            "countering violent extremism": "противодействия насильственному экстремизму",
            "election observation methodology": "методологии наблюдения за выборами",
            "cyber security confidence-building measures": "мер укрепления доверия в сфере "
            "кибербезопасности",
            "combating trafficking in human beings": "борьбы с торговлей людьми",
            "environmental governance": "экологического управления",
            "police reform": "реформы полиции",
            "rule of law and judicial independence": "верховенства права и независимости "
            "судебной власти",
            "the rights of national minorities": "прав национальных меньшинств",
            "small arms and light weapons destruction": "уничтожения стрелкового оружия и легких "
            "вооружений",
            "youth engagement in conflict prevention": "участия молодежи в предотвращении "
            "конфликтов",
            "good governance and anti-corruption": "благого управления и борьбы с коррупцией",
            "water management and disaster risk reduction": "управления водными ресурсами и "
            "снижения риска бедствий",
            "community policing": "работы полиции с населением",
            "tolerance and non-discrimination": "толерантности и недискриминации",
            "economic connectivity": "экономической взаимосвязанности",
        },
        "audiences": {
            "for law enforcement officers": "для сотрудников правоохранительных органов",
            "with civil society representatives": "с представителями гражданского общества",
            "for young leaders": "для молодых лидеров",
            "with national authorities": "с национальными властями",
            "for journalists": "для журналистов",
            "with parliamentarians": "с парламентариями",
            "for judges and prosecutors": "для судей и прокуроров",
            "with local communities": "с местными сообществами",
        },
        "sentences": {
            "Participants exchanged good practices and agreed on concrete next steps.": "Участники "
            "обменялись передовым опытом и согласовали конкретные дальнейшие шаги.",
            "The event brought together representatives of government, international "
            "organizations and civil society.": "Мероприятие собрало представителей "
            "правительства, международных организаций и гражданского общества.",
            "Experts presented recent developments and discussed the challenges ahead.": "Эксперты "
            "рассказали о последних изменениях и обсудили предстоящие задачи.",
            "The activity is part of a long-term project funded by participating States.": "Это "
            "мероприятие является частью долгосрочного проекта, финансируемого "
            "государствами-участниками.",
            "The host authorities thanked the Organization for its continued support.": "Власти "
            "принимающей страны поблагодарили Организацию за неизменную поддержку.",
            "A follow-up meeting is planned for later in the year.": "Позднее в этом году "
            "запланирована последующая встреча.",
            "Training materials were developed together with national institutions.": "Учебные "
            "материалы были разработаны совместно с национальными учреждениями.",
            "The discussion focused on practical tools and regional co-operation.": "Обсуждение "
            "было посвящено практическим инструментам и региональному сотрудничеству.",
        },
    },
}
