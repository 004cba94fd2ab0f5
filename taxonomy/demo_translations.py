"""The seed navigation in the organisation's five other official languages, for ``demo.py``.

English text -> (French, German, Italian, Russian, Spanish). The organisation's own names are
used where it has them (fields of work, structures, meeting types, groups of States); countries
and cities as each language's official usage writes them.
"""

from .demo_document_types import DOCUMENT_TYPE_DESCRIPTIONS, DOCUMENT_TYPE_NAMES

LANGUAGES = ("fr", "de", "it", "ru", "es")

FIELDS_OF_WORK = {
    "Arms control": (
        "Maîtrise des armements",
        "Rüstungskontrolle",
        "Controllo degli armamenti",
        "Контроль над вооружениями",
        "Control de armamentos",
    ),
    "Border management": (
        "Gestion des frontières",
        "Grenzmanagement",
        "Gestione delle frontiere",
        "Управление границами",
        "Gestión de fronteras",
    ),
    "Combating trafficking in human beings": (
        "Lutte contre la traite des êtres humains",
        "Bekämpfung des Menschenhandels",
        "Lotta alla tratta di esseri umani",
        "Борьба с торговлей людьми",
        "Lucha contra la trata de personas",
    ),
    "Conflict prevention and resolution": (
        "Prévention et règlement des conflits",
        "Konfliktverhütung und -beilegung",
        "Prevenzione e risoluzione dei conflitti",
        "Предотвращение и урегулирование конфликтов",
        "Prevención y resolución de conflictos",
    ),
    "Countering terrorism": (
        "Lutte contre le terrorisme",
        "Terrorismusbekämpfung",
        "Lotta al terrorismo",
        "Борьба с терроризмом",
        "Lucha contra el terrorismo",
    ),
    "Cyber/ICT Security": (
        "Cybersécurité/sécurité des TIC",
        "Cyber-/IKT-Sicherheit",
        "Sicurezza informatica e delle TIC",
        "Кибербезопасность/безопасность ИКТ",
        "Ciberseguridad/seguridad de las TIC",
    ),
    "Democratization": (
        "Démocratisation",
        "Demokratisierung",
        "Democratizzazione",
        "Демократизация",
        "Democratización",
    ),
    "Economic activities": (
        "Activités économiques",
        "Wirtschaftliche Aktivitäten",
        "Attività economiche",
        "Экономическая деятельность",
        "Actividades económicas",
    ),
    "Education": ("Éducation", "Bildung", "Istruzione", "Образование", "Educación"),
    "Elections": ("Élections", "Wahlen", "Elezioni", "Выборы", "Elecciones"),
    "Environmental activities": (
        "Activités environnementales",
        "Umweltaktivitäten",
        "Attività ambientali",
        "Экологическая деятельность",
        "Actividades medioambientales",
    ),
    "Gender equality": (
        "Égalité entre les sexes",
        "Gleichstellung der Geschlechter",
        "Parità di genere",
        "Гендерное равенство",
        "Igualdad de género",
    ),
    "Good governance": (
        "Bonne gouvernance",
        "Gute Regierungsführung",
        "Buon governo",
        "Благое управление",
        "Buena gobernanza",
    ),
    "Human rights": (
        "Droits de l’homme",
        "Menschenrechte",
        "Diritti umani",
        "Права человека",
        "Derechos humanos",
    ),
    "Media freedom and development": (
        "Liberté et développement des médias",
        "Medienfreiheit und -entwicklung",
        "Libertà e sviluppo dei media",
        "Свобода и развитие СМИ",
        "Libertad y desarrollo de los medios de comunicación",
    ),
    "Migration": ("Migrations", "Migration", "Migrazione", "Миграция", "Migración"),
    "National minority issues": (
        "Questions relatives aux minorités nationales",
        "Fragen nationaler Minderheiten",
        "Questioni relative alle minoranze nazionali",
        "Вопросы национальных меньшинств",
        "Cuestiones relativas a las minorías nacionales",
    ),
    "Policing": (
        "Activités de police",
        "Polizeiarbeit",
        "Attività di polizia",
        "Полицейская деятельность",
        "Actividades policiales",
    ),
    "Reform and co-operation in the security sector": (
        "Réforme et coopération dans le secteur de la sécurité",
        "Reform und Zusammenarbeit im Sicherheitssektor",
        "Riforma e cooperazione nel settore della sicurezza",
        "Реформа и сотрудничество в секторе безопасности",
        "Reforma y cooperación en el sector de la seguridad",
    ),
    "Roma and Sinti": (
        "Roms et Sintis",
        "Roma und Sinti",
        "Rom e sinti",
        "Рома и синти",
        "Romaníes y sintis",
    ),
    "Rule of law": (
        "État de droit",
        "Rechtsstaatlichkeit",
        "Stato di diritto",
        "Верховенство права",
        "Estado de derecho",
    ),
    "Tolerance and non-discrimination": (
        "Tolérance et non-discrimination",
        "Toleranz und Nichtdiskriminierung",
        "Tolleranza e non discriminazione",
        "Толерантность и недискриминация",
        "Tolerancia y no discriminación",
    ),
    "Youth": ("Jeunesse", "Jugend", "Giovani", "Молодежь", "Juventud"),
}

COUNTRIES = {
    "Participating States": (
        "États participants",
        "Teilnehmerstaaten",
        "Stati partecipanti",
        "Государства-участники",
        "Estados participantes",
    ),
    "Asian Partners for Co-operation": (
        "Partenaires asiatiques pour la coopération",
        "Asiatische Kooperationspartner",
        "Partner asiatici per la cooperazione",
        "Азиатские партнеры по сотрудничеству",
        "Socios asiáticos para la Cooperación",
    ),
    "Mediterranean Partners for Co-operation": (
        "Partenaires méditerranéens pour la coopération",
        "Kooperationspartner im Mittelmeerraum",
        "Partner mediterranei per la cooperazione",
        "Средиземноморские партнеры по сотрудничеству",
        "Socios mediterráneos para la Cooperación",
    ),
    "Albania": ("Albanie", "Albanien", "Albania", "Албания", "Albania"),
    "Andorra": ("Andorre", "Andorra", "Andorra", "Андорра", "Andorra"),
    "Armenia": ("Arménie", "Armenien", "Armenia", "Армения", "Armenia"),
    "Austria": ("Autriche", "Österreich", "Austria", "Австрия", "Austria"),
    "Azerbaijan": ("Azerbaïdjan", "Aserbaidschan", "Azerbaigian", "Азербайджан", "Azerbaiyán"),
    "Belgium": ("Belgique", "Belgien", "Belgio", "Бельгия", "Bélgica"),
    "Belarus": ("Bélarus", "Belarus", "Belarus", "Беларусь", "Belarús"),
    "Bosnia and Herzegovina": (
        "Bosnie-Herzégovine",
        "Bosnien und Herzegowina",
        "Bosnia-Erzegovina",
        "Босния и Герцеговина",
        "Bosnia y Herzegovina",
    ),
    "Bulgaria": ("Bulgarie", "Bulgarien", "Bulgaria", "Болгария", "Bulgaria"),
    "Canada": ("Canada", "Kanada", "Canada", "Канада", "Canadá"),
    "Croatia": ("Croatie", "Kroatien", "Croazia", "Хорватия", "Croacia"),
    "Cyprus": ("Chypre", "Zypern", "Cipro", "Кипр", "Chipre"),
    "Czechia": ("Tchéquie", "Tschechien", "Cechia", "Чехия", "Chequia"),
    "Denmark": ("Danemark", "Dänemark", "Danimarca", "Дания", "Dinamarca"),
    "Estonia": ("Estonie", "Estland", "Estonia", "Эстония", "Estonia"),
    "Finland": ("Finlande", "Finnland", "Finlandia", "Финляндия", "Finlandia"),
    "Finland – OSCE Chairpersonship 2025": (
        "Finlande – Présidence de l’OSCE en 2025",
        "Finnland – OSZE-Vorsitz 2025",
        "Finlandia – Presidenza dell’OSCE 2025",
        "Финляндия – Председательство в ОБСЕ в 2025 году",
        "Finlandia – Presidencia de la OSCE en 2025",
    ),
    "France": ("France", "Frankreich", "Francia", "Франция", "Francia"),
    "Georgia": ("Géorgie", "Georgien", "Georgia", "Грузия", "Georgia"),
    "Germany": ("Allemagne", "Deutschland", "Germania", "Германия", "Alemania"),
    "Greece": ("Grèce", "Griechenland", "Grecia", "Греция", "Grecia"),
    "Holy See": ("Saint-Siège", "Heiliger Stuhl", "Santa Sede", "Святой Престол", "Santa Sede"),
    "Hungary": ("Hongrie", "Ungarn", "Ungheria", "Венгрия", "Hungría"),
    "Iceland": ("Islande", "Island", "Islanda", "Исландия", "Islandia"),
    "Ireland": ("Irlande", "Irland", "Irlanda", "Ирландия", "Irlanda"),
    "Italy": ("Italie", "Italien", "Italia", "Италия", "Italia"),
    "Kazakhstan": ("Kazakhstan", "Kasachstan", "Kazakhstan", "Казахстан", "Kazajstán"),
    "Kyrgyzstan": ("Kirghizistan", "Kirgisistan", "Kirghizistan", "Кыргызстан", "Kirguistán"),
    "Latvia": ("Lettonie", "Lettland", "Lettonia", "Латвия", "Letonia"),
    "Liechtenstein": (
        "Liechtenstein",
        "Liechtenstein",
        "Liechtenstein",
        "Лихтенштейн",
        "Liechtenstein",
    ),
    "Lithuania": ("Lituanie", "Litauen", "Lituania", "Литва", "Lituania"),
    "Luxembourg": ("Luxembourg", "Luxemburg", "Lussemburgo", "Люксембург", "Luxemburgo"),
    "Malta": ("Malte", "Malta", "Malta", "Мальта", "Malta"),
    "Moldova": ("Moldavie", "Republik Moldau", "Moldova", "Молдова", "Moldova"),
    "Monaco": ("Monaco", "Monaco", "Monaco", "Монако", "Mónaco"),
    "Mongolia": ("Mongolie", "Mongolei", "Mongolia", "Монголия", "Mongolia"),
    "Montenegro": ("Monténégro", "Montenegro", "Montenegro", "Черногория", "Montenegro"),
    "The Netherlands": ("Pays-Bas", "Niederlande", "Paesi Bassi", "Нидерланды", "Países Bajos"),
    "North Macedonia": (
        "Macédoine du Nord",
        "Nordmazedonien",
        "Macedonia del Nord",
        "Северная Македония",
        "Macedonia del Norte",
    ),
    "Norway": ("Norvège", "Norwegen", "Norvegia", "Норвегия", "Noruega"),
    "Poland": ("Pologne", "Polen", "Polonia", "Польша", "Polonia"),
    "Portugal": ("Portugal", "Portugal", "Portogallo", "Португалия", "Portugal"),
    "Romania": ("Roumanie", "Rumänien", "Romania", "Румыния", "Rumania"),
    "Russian Federation": (
        "Fédération de Russie",
        "Russische Föderation",
        "Federazione Russa",
        "Российская Федерация",
        "Federación de Rusia",
    ),
    "San Marino": ("Saint-Marin", "San Marino", "San Marino", "Сан-Марино", "San Marino"),
    "Serbia": ("Serbie", "Serbien", "Serbia", "Сербия", "Serbia"),
    "Slovakia": ("Slovaquie", "Slowakei", "Slovacchia", "Словакия", "Eslovaquia"),
    "Slovenia": ("Slovénie", "Slowenien", "Slovenia", "Словения", "Eslovenia"),
    "Spain": ("Espagne", "Spanien", "Spagna", "Испания", "España"),
    "Sweden": ("Suède", "Schweden", "Svezia", "Швеция", "Suecia"),
    "Switzerland": ("Suisse", "Schweiz", "Svizzera", "Швейцария", "Suiza"),
    "Tajikistan": ("Tadjikistan", "Tadschikistan", "Tagikistan", "Таджикистан", "Tayikistán"),
    "Türkiye": ("Türkiye", "Türkiye", "Türkiye", "Турция", "Türkiye"),
    "Turkmenistan": (
        "Turkménistan",
        "Turkmenistan",
        "Turkmenistan",
        "Туркменистан",
        "Turkmenistán",
    ),
    "Ukraine": ("Ukraine", "Ukraine", "Ucraina", "Украина", "Ucrania"),
    "United Kingdom": (
        "Royaume-Uni",
        "Vereinigtes Königreich",
        "Regno Unito",
        "Соединенное Королевство",
        "Reino Unido",
    ),
    "United States of America": (
        "États-Unis d’Amérique",
        "Vereinigte Staaten von Amerika",
        "Stati Uniti d’America",
        "Соединенные Штаты Америки",
        "Estados Unidos de América",
    ),
    "Uzbekistan": ("Ouzbékistan", "Usbekistan", "Uzbekistan", "Узбекистан", "Uzbekistán"),
    "Afghanistan": ("Afghanistan", "Afghanistan", "Afghanistan", "Афганистан", "Afganistán"),
    "Australia": ("Australie", "Australien", "Australia", "Австралия", "Australia"),
    "Japan": ("Japon", "Japan", "Giappone", "Япония", "Japón"),
    "Republic of Korea": (
        "République de Corée",
        "Republik Korea",
        "Repubblica di Corea",
        "Республика Корея",
        "República de Corea",
    ),
    "Thailand": ("Thaïlande", "Thailand", "Thailandia", "Таиланд", "Tailandia"),
    "Algeria": ("Algérie", "Algerien", "Algeria", "Алжир", "Argelia"),
    "Egypt": ("Égypte", "Ägypten", "Egitto", "Египет", "Egipto"),
    "Israel": ("Israël", "Israel", "Israele", "Израиль", "Israel"),
    "Jordan": ("Jordanie", "Jordanien", "Giordania", "Иордания", "Jordania"),
    "Morocco": ("Maroc", "Marokko", "Marocco", "Марокко", "Marruecos"),
    "Tunisia": ("Tunisie", "Tunesien", "Tunisia", "Тунис", "Túnez"),
}

STRUCTURES = {
    "Chairpersonship": ("Présidence", "Vorsitz", "Presidenza", "Председательство", "Presidencia"),
    "Secretariat": ("Secrétariat", "Sekretariat", "Segretariato", "Секретариат", "Secretaría"),
    "OSCE Secretariat": (
        "Secrétariat de l’OSCE",
        "OSZE-Sekretariat",
        "Segretariato dell’OSCE",
        "Секретариат ОБСЕ",
        "Secretaría de la OSCE",
    ),
    "Secretary General": (
        "Secrétaire général",
        "Generalsekretär",
        "Segretario generale",
        "Генеральный секретарь",
        "Secretario General",
    ),
    "Office of the Secretary General": (
        "Bureau du Secrétaire général",
        "Büro des Generalsekretärs",
        "Ufficio del Segretario generale",
        "Канцелярия Генерального секретаря",
        "Oficina del Secretario General",
    ),
    "Conflict Prevention Centre": (
        "Centre de prévention des conflits",
        "Konfliktverhütungszentrum",
        "Centro per la prevenzione dei conflitti",
        "Центр по предотвращению конфликтов",
        "Centro para la Prevención de Conflictos",
    ),
    "Transnational Threats Department": (
        "Département des menaces transnationales",
        "Abteilung Grenzüberschreitende Bedrohungen",
        "Dipartimento per le minacce transnazionali",
        "Департамент по транснациональным угрозам",
        "Departamento de Amenazas Transnacionales",
    ),
    "Office of the Special Representative and Co-ordinator for Combating Trafficking in "
    "Human Beings": (
        "Bureau du Représentant spécial et Coordonnateur pour la lutte contre la traite des "
        "êtres humains",
        "Büro des Sonderbeauftragten und Koordinators für die Bekämpfung des Menschenhandels",
        "Ufficio del Rappresentante speciale e Coordinatore per la lotta alla tratta di esseri "
        "umani",
        "Бюро Специального представителя и координатора по борьбе с торговлей людьми",
        "Oficina del Representante Especial y Coordinador para la Lucha contra la Trata de "
        "Personas",
    ),
    "Office of the Co-ordinator of OSCE Economic and Environmental Activities": (
        "Bureau du Coordonnateur des activités économiques et environnementales de l’OSCE",
        "Büro des Koordinators für Wirtschafts- und Umweltaktivitäten der OSZE",
        "Ufficio del Coordinatore delle attività economiche e ambientali dell’OSCE",
        "Бюро Координатора экономической и экологической деятельности ОБСЕ",
        "Oficina del Coordinador de las Actividades Económicas y Medioambientales de la OSCE",
    ),
    "Gender Issues Programme": (
        "Programme pour l’égalité entre les sexes",
        "Programm für Gleichstellungsfragen",
        "Programma per le questioni di genere",
        "Программа по гендерным вопросам",
        "Programa de Cuestiones de Género",
    ),
    "Opportunities for Youth": (
        "Perspectives pour la jeunesse",
        "Chancen für die Jugend",
        "Opportunità per i giovani",
        "Возможности для молодежи",
        "Oportunidades para la Juventud",
    ),
    "Department of Human Resources": (
        "Département des ressources humaines",
        "Abteilung Personal",
        "Dipartimento delle risorse umane",
        "Департамент людских ресурсов",
        "Departamento de Recursos Humanos",
    ),
    "Department of Management and Finance": (
        "Département de la gestion et des finances",
        "Abteilung Management und Finanzen",
        "Dipartimento di gestione e finanze",
        "Департамент управления и финансов",
        "Departamento de Gestión y Finanzas",
    ),
    "Office of Internal Oversight": (
        "Bureau du contrôle interne",
        "Büro für interne Aufsicht",
        "Ufficio di supervisione interna",
        "Бюро внутреннего надзора",
        "Oficina de Supervisión Interna",
    ),
    "Documentation Centre in Prague": (
        "Centre de documentation de Prague",
        "Dokumentationszentrum in Prag",
        "Centro di documentazione di Praga",
        "Документационный центр в Праге",
        "Centro de Documentación de Praga",
    ),
    "Institutions": ("Institutions", "Institutionen", "Istituzioni", "Институты", "Instituciones"),
    "Office for Democratic Institutions and Human Rights": (
        "Bureau des institutions démocratiques et des droits de l’homme",
        "Büro für demokratische Institutionen und Menschenrechte",
        "Ufficio per le istituzioni democratiche e i diritti dell’uomo",
        "Бюро по демократическим институтам и правам человека",
        "Oficina de Instituciones Democráticas y Derechos Humanos",
    ),
    "High Commissioner on National Minorities": (
        "Haut Commissaire pour les minorités nationales",
        "Hoher Kommissar für nationale Minderheiten",
        "Alto Commissario per le minoranze nazionali",
        "Верховный комиссар по делам национальных меньшинств",
        "Alto Comisionado para las Minorías Nacionales",
    ),
    "Representative on Freedom of the Media": (
        "Représentant pour la liberté des médias",
        "Beauftragter für Medienfreiheit",
        "Rappresentante per la libertà dei mezzi d’informazione",
        "Представитель по вопросам свободы СМИ",
        "Representante para la Libertad de los Medios de Comunicación",
    ),
    "Field operations": (
        "Opérations de terrain",
        "Feldoperationen",
        "Operazioni sul terreno",
        "Полевые операции",
        "Operaciones sobre el terreno",
    ),
    "Presence in Albania": (
        "Présence en Albanie",
        "Präsenz in Albanien",
        "Presenza in Albania",
        "Присутствие в Албании",
        "Presencia en Albania",
    ),
    "Centre in Ashgabat": (
        "Centre d’Achgabat",
        "Zentrum in Aschgabat",
        "Centro di Ashgabat",
        "Центр в Ашхабаде",
        "Centro en Asjabad",
    ),
    "Programme Office in Astana": (
        "Bureau de programmes d’Astana",
        "Programmbüro in Astana",
        "Ufficio programmi di Astana",
        "Офис программ в Астане",
        "Oficina de Programas en Astaná",
    ),
    "Programme Office in Bishkek": (
        "Bureau de programmes de Bichkek",
        "Programmbüro in Bischkek",
        "Ufficio programmi di Bishkek",
        "Офис программ в Бишкеке",
        "Oficina de Programas en Bishkek",
    ),
    "Mission to Bosnia and Herzegovina": (
        "Mission en Bosnie-Herzégovine",
        "Mission in Bosnien und Herzegowina",
        "Missione in Bosnia-Erzegovina",
        "Миссия в Боснии и Герцеговине",
        "Misión en Bosnia y Herzegovina",
    ),
    "Programme Office in Dushanbe": (
        "Bureau de programmes de Douchanbé",
        "Programmbüro in Duschanbe",
        "Ufficio programmi di Dushanbe",
        "Офис программ в Душанбе",
        "Oficina de Programas en Dusambé",
    ),
    "Mission in Kosovo": (
        "Mission au Kosovo",
        "Mission im Kosovo",
        "Missione in Kosovo",
        "Миссия в Косово",
        "Misión en Kosovo",
    ),
    "Mission to Moldova": (
        "Mission en Moldavie",
        "Mission in der Republik Moldau",
        "Missione in Moldova",
        "Миссия в Молдове",
        "Misión en Moldova",
    ),
    "Mission to Montenegro": (
        "Mission au Monténégro",
        "Mission in Montenegro",
        "Missione in Montenegro",
        "Миссия в Черногории",
        "Misión en Montenegro",
    ),
    "Mission to Serbia": (
        "Mission en Serbie",
        "Mission in Serbien",
        "Missione in Serbia",
        "Миссия в Сербии",
        "Misión en Serbia",
    ),
    "Mission to Skopje": (
        "Mission à Skopje",
        "Mission in Skopje",
        "Missione a Skopje",
        "Миссия в Скопье",
        "Misión en Skopie",
    ),
    "Project Co-ordinator in Uzbekistan": (
        "Coordonnateur des projets en Ouzbékistan",
        "Projektkoordinator in Usbekistan",
        "Coordinatore dei progetti in Uzbekistan",
        "Координатор проектов в Узбекистане",
        "Coordinador de Proyectos en Uzbekistán",
    ),
    # Closed field operations (taxonomy/demo.py, CLOSED_FIELD_OPERATIONS).
    "Mission to Georgia": (
        "Mission en Géorgie",
        "Mission in Georgien",
        "Missione in Georgia",
        "Миссия в Грузии",
        "Misión en Georgia",
    ),
    "Mission to Croatia": (
        "Mission en Croatie",
        "Mission in Kroatien",
        "Missione in Croazia",
        "Миссия в Хорватии",
        "Misión en Croacia",
    ),
    "Office in Zagreb": (
        "Bureau de Zagreb",
        "Büro in Zagreb",
        "Ufficio di Zagabria",
        "Бюро в Загребе",
        "Oficina en Zagreb",
    ),
    "Advisory and Monitoring Group in Belarus": (
        "Groupe consultatif et d’observation au Bélarus",
        "Beratungs- und Beobachtergruppe in Belarus",
        "Gruppo di consulenza e monitoraggio in Belarus",
        "Консультативно-наблюдательная группа в Беларуси",
        "Grupo de Asesoramiento y Supervisión en Belarús",
    ),
    "Office in Minsk": (
        "Bureau de Minsk",
        "Büro in Minsk",
        "Ufficio di Minsk",
        "Офис в Минске",
        "Oficina en Minsk",
    ),
    "Project Co-ordinator in Baku": (
        "Coordonnateur des projets à Bakou",
        "Projektkoordinator in Baku",
        "Coordinatore dei progetti a Baku",
        "Координатор проектов в Баку",
        "Coordinador de Proyectos en Bakú",
    ),
    "Office in Yerevan": (
        "Bureau d’Erevan",
        "Büro in Eriwan",
        "Ufficio di Yerevan",
        "Офис в Ереване",
        "Oficina en Ereván",
    ),
    "Project Co-ordinator in Ukraine": (
        "Coordonnateur des projets en Ukraine",
        "Projektkoordinator in der Ukraine",
        "Coordinatore dei progetti in Ucraina",
        "Координатор проектов в Украине",
        "Coordinador de Proyectos en Ucrania",
    ),
    "Special Monitoring Mission to Ukraine": (
        "Mission spéciale d’observation en Ukraine",
        "Sonderbeobachtermission in der Ukraine",
        "Missione speciale di monitoraggio in Ucraina",
        "Специальная мониторинговая миссия в Украине",
        "Misión Especial de Observación en Ucrania",
    ),
    "Closed field activities": (
        "Activités de terrain achevées",
        "Abgeschlossene Feldaktivitäten",
        "Attività sul terreno concluse",
        "Завершенная деятельность на местах",
        "Actividades sobre el terreno concluidas",
    ),
    "Parliamentary Assembly": (
        "Assemblée parlementaire",
        "Parlamentarische Versammlung",
        "Assemblea parlamentare",
        "Парламентская ассамблея",
        "Asamblea Parlamentaria",
    ),
    "Court of Conciliation and Arbitration": (
        "Cour de conciliation et d’arbitrage",
        "Vergleichs- und Schiedsgerichtshof",
        "Corte di conciliazione e arbitrato",
        "Суд по примирению и арбитражу",
        "Corte de Conciliación y Arbitraje",
    ),
}

PLACES = {
    "Tirana": ("Tirana", "Tirana", "Tirana", "Тирана", "Tirana"),
    "Ashgabat": ("Achgabat", "Aschgabat", "Ashgabat", "Ашхабад", "Asjabad"),
    "Astana": ("Astana", "Astana", "Astana", "Астана", "Astaná"),
    "Bishkek": ("Bichkek", "Bischkek", "Bishkek", "Бишкек", "Bishkek"),
    "Sarajevo": ("Sarajevo", "Sarajevo", "Sarajevo", "Сараево", "Sarajevo"),
    "Dushanbe": ("Douchanbé", "Duschanbe", "Dushanbe", "Душанбе", "Dusambé"),
    "Pristina": ("Pristina", "Pristina", "Pristina", "Приштина", "Pristina"),
    "Chisinau": ("Chișinău", "Chișinău", "Chișinău", "Кишинев", "Chisináu"),
    "Podgorica": ("Podgorica", "Podgorica", "Podgorica", "Подгорица", "Podgorica"),
    "Belgrade": ("Belgrade", "Belgrad", "Belgrado", "Белград", "Belgrado"),
    "Skopje": ("Skopje", "Skopje", "Skopje", "Скопье", "Skopie"),
    "Tashkent": ("Tachkent", "Taschkent", "Tashkent", "Ташкент", "Taskent"),
    "Vienna": ("Vienne", "Wien", "Vienna", "Вена", "Viena"),
    "Minsk": ("Minsk", "Minsk", "Minsk", "Минск", "Minsk"),
    "Warsaw": ("Varsovie", "Warschau", "Varsavia", "Варшава", "Varsovia"),
    "The Hague": ("La Haye", "Den Haag", "L’Aia", "Гаага", "La Haya"),
    "Prague": ("Prague", "Prag", "Praga", "Прага", "Praga"),
    "Copenhagen": ("Copenhague", "Kopenhagen", "Copenaghen", "Копенгаген", "Copenhague"),
    "Helsinki": ("Helsinki", "Helsinki", "Helsinki", "Хельсинки", "Helsinki"),
    # Where the demo's meetings were held (meetings/demo_events.py).
    "Basel": ("Bâle", "Basel", "Basilea", "Базель", "Basilea"),
    "Bratislava": ("Bratislava", "Bratislava", "Bratislava", "Братислава", "Bratislava"),
    "Budapest": ("Budapest", "Budapest", "Budapest", "Будапешт", "Budapest"),
    "Hamburg": ("Hambourg", "Hamburg", "Amburgo", "Гамбург", "Hamburgo"),
    "Istanbul": ("Istanbul", "Istanbul", "Istanbul", "Стамбул", "Estambul"),
    "Lisbon": ("Lisbonne", "Lissabon", "Lisbona", "Лиссабон", "Lisboa"),
    "Milan": ("Milan", "Mailand", "Milano", "Милан", "Milán"),
    "Paris": ("Paris", "Paris", "Parigi", "Париж", "París"),
    "Stockholm": ("Stockholm", "Stockholm", "Stoccolma", "Стокгольм", "Estocolmo"),
    "Ta' Qali": ("Ta' Qali", "Ta' Qali", "Ta' Qali", "Та-Али", "Ta' Qali"),
    "Łódź": ("Łódź", "Łódź", "Łódź", "Лодзь", "Łódź"),
    "Valletta": ("La Valette", "Valletta", "La Valletta", "Валлетта", "La Valeta"),
}

MEETING_TYPES = {
    "Summit meetings": (
        "Sommets",
        "Gipfeltreffen",
        "Vertici",
        "Встречи на высшем уровне",
        "Cumbres",
    ),
    "Review Conferences": (
        "Conférences d’examen",
        "Überprüfungskonferenzen",
        "Conferenze di riesame",
        "Обзорные конференции",
        "Conferencias de Examen",
    ),
    "Ministerial Council meetings": (
        "Réunions du Conseil ministériel",
        "Treffen des Ministerrats",
        "Riunioni del Consiglio dei ministri",
        "Заседания Совета министров",
        "Reuniones del Consejo Ministerial",
    ),
    "Plenary meetings of the Permanent Council": (
        "Séances plénières du Conseil permanent",
        "Plenarsitzungen des Ständigen Rates",
        "Sedute plenarie del Consiglio permanente",
        "Пленарные заседания Постоянного совета",
        "Sesiones plenarias del Consejo Permanente",
    ),
    "Plenary Meetings of the Forum for Security Co-operation": (
        "Séances plénières du Forum pour la coopération en matière de sécurité",
        "Plenarsitzungen des Forums für Sicherheitskooperation",
        "Sedute plenarie del Foro di cooperazione per la sicurezza",
        "Пленарные заседания Форума по сотрудничеству в области безопасности",
        "Sesiones plenarias del Foro de Cooperación en materia de Seguridad",
    ),
    "Security Review Conferences": (
        "Conférences d’examen de la sécurité",
        "Konferenzen zur Überprüfung der Sicherheit",
        "Conferenze di riesame della sicurezza",
        "Конференции по обзору проблем в области безопасности",
        "Conferencias para el Examen de la Seguridad",
    ),
    "Annual Implementation Assessment Meetings": (
        "Réunions annuelles d’évaluation de l’application",
        "Jährliche Treffen zur Beurteilung der Umsetzung",
        "Riunioni annuali di valutazione dell’applicazione",
        "Ежегодные совещания по оценке выполнения",
        "Reuniones Anuales de Evaluación de la Aplicación",
    ),
    "Economic and Environmental Forum": (
        "Forum économique et environnemental",
        "Wirtschafts- und Umweltforum",
        "Foro economico e ambientale",
        "Экономический и экологический форум",
        "Foro Económico y Medioambiental",
    ),
    "Economic and Environmental Dimension Implementation Meetings": (
        "Réunions sur la mise en œuvre des engagements de la dimension économique et "
        "environnementale",
        "Treffen zur Umsetzung der Verpflichtungen der Wirtschafts- und Umweltdimension",
        "Riunioni sull’attuazione degli impegni della dimensione economica e ambientale",
        "Совещания по рассмотрению выполнения обязательств в экономической и экологической сфере",
        "Reuniones sobre la Aplicación de los Compromisos de la Dimensión Económica y "
        "Medioambiental",
    ),
    "Human rights meetings": (
        "Réunions sur les droits de l’homme",
        "Menschenrechtstreffen",
        "Riunioni sui diritti umani",
        "Совещания по правам человека",
        "Reuniones sobre derechos humanos",
    ),
    "Media conferences": (
        "Conférences sur les médias",
        "Medienkonferenzen",
        "Conferenze sui media",
        "Конференции по СМИ",
        "Conferencias sobre los medios de comunicación",
    ),
    "Cyber/ICT security conferences": (
        "Conférences sur la cybersécurité/sécurité des TIC",
        "Konferenzen zur Cyber-/IKT-Sicherheit",
        "Conferenze sulla sicurezza informatica e delle TIC",
        "Конференции по кибербезопасности/безопасности ИКТ",
        "Conferencias sobre ciberseguridad/seguridad de las TIC",
    ),
    "Conference of the Alliance against Trafficking in Persons": (
        "Conférence de l’Alliance contre la traite des personnes",
        "Konferenz der Allianz gegen Menschenhandel",
        "Conferenza dell’Alleanza contro la tratta di persone",
        "Конференция Альянса против торговли людьми",
        "Conferencia de la Alianza contra la Trata de Personas",
    ),
    "Gender equality conferences": (
        "Conférences sur l’égalité entre les sexes",
        "Konferenzen zur Gleichstellung der Geschlechter",
        "Conferenze sulla parità di genere",
        "Конференции по гендерному равенству",
        "Conferencias sobre igualdad de género",
    ),
    "Annual OSCE Mediterranean conferences": (
        "Conférences méditerranéennes annuelles de l’OSCE",
        "Jährliche Mittelmeerkonferenzen der OSZE",
        "Conferenze annuali dell’OSCE sul Mediterraneo",
        "Ежегодные Средиземноморские конференции ОБСЕ",
        "Conferencias mediterráneas anuales de la OSCE",
    ),
    "Annual OSCE Asian conferences": (
        "Conférences asiatiques annuelles de l’OSCE",
        "Jährliche Asienkonferenzen der OSZE",
        "Conferenze annuali dell’OSCE sull’Asia",
        "Ежегодные Азиатские конференции ОБСЕ",
        "Conferencias asiáticas anuales de la OSCE",
    ),
    "Partnerships": (
        "Partenariats",
        "Partnerschaften",
        "Partenariati",
        "Партнерства",
        "Asociaciones",
    ),
}

# Menu labels that are not the name of a node.
MENU_LABELS = {
    "Our work": (
        "Nos activités",
        "Unsere Arbeit",
        "Il nostro lavoro",
        "Наша работа",
        "Nuestra labor",
    ),
    "All": ("Tous", "Alle", "Tutti", "Все", "Todos"),
    "Fields of work": (
        "Domaines d’activité",
        "Tätigkeitsbereiche",
        "Settori di attività",
        "Направления деятельности",
        "Ámbitos de actividad",
    ),
    "Countries": ("Pays", "Länder", "Paesi", "Страны", "Países"),
    "Structures and institutions": (
        "Structures et institutions",
        "Strukturen und Institutionen",
        "Strutture e istituzioni",
        "Структуры и институты",
        "Estructuras e instituciones",
    ),
    "Meetings and conferences": (
        "Réunions et conférences",
        "Sitzungen und Konferenzen",
        "Riunioni e conferenze",
        "Заседания и конференции",
        "Reuniones y conferencias",
    ),
    "Press releases": (
        "Communiqués de presse",
        "Pressemitteilungen",
        "Comunicati stampa",
        "Пресс-релизы",
        "Comunicados de prensa",
    ),
}

PAGE_TITLES = {
    "About us": ("À propos de nous", "Über uns", "Chi siamo", "О нас", "Quiénes somos"),
    "Organizational structure": (
        "Structure organisationnelle",
        "Organisationsstruktur",
        "Struttura organizzativa",
        "Организационная структура",
        "Estructura organizativa",
    ),
    "Projects": ("Projets", "Projekte", "Progetti", "Проекты", "Proyectos"),
    "Closed field activities": STRUCTURES["Closed field activities"],
}

DESCRIPTIONS = DOCUMENT_TYPE_DESCRIPTIONS | {
    "The participating State holding the annual Chairpersonship leads the Organization's "
    "political work.": (
        "L’État participant qui assure la présidence annuelle dirige les travaux politiques de "
        "l’Organisation.",
        "Der Teilnehmerstaat, der den jährlichen Vorsitz innehat, leitet die politische Arbeit "
        "der Organisation.",
        "Lo Stato partecipante che detiene la Presidenza annuale guida il lavoro politico "
        "dell’Organizzazione.",
        "Государство-участник, осуществляющее ежегодное Председательство, руководит "
        "политической работой Организации.",
        "El Estado participante que ejerce la Presidencia anual dirige la labor política de la "
        "Organización.",
    ),
    "Based in Vienna and headed by the Secretary General, the Secretariat supports the "
    "participating States, the Chairpersonship and the field operations.": (
        "Établi à Vienne et dirigé par le Secrétaire général, le Secrétariat soutient les États "
        "participants, la Présidence et les opérations de terrain.",
        "Das Sekretariat mit Sitz in Wien unter der Leitung des Generalsekretärs unterstützt "
        "die Teilnehmerstaaten, den Vorsitz und die Feldoperationen.",
        "Con sede a Vienna e guidato dal Segretario generale, il Segretariato sostiene gli "
        "Stati partecipanti, la Presidenza e le operazioni sul terreno.",
        "Секретариат, находящийся в Вене и возглавляемый Генеральным секретарем, оказывает "
        "поддержку государствам-участникам, Председательству и полевым операциям.",
        "Con sede en Viena y dirigida por el Secretario General, la Secretaría apoya a los "
        "Estados participantes, a la Presidencia y a las operaciones sobre el terreno.",
    ),
    "Independent institutions working on democracy, human rights, national minorities and "
    "media freedom.": (
        "Des institutions indépendantes qui œuvrent pour la démocratie, les droits de l’homme, "
        "les minorités nationales et la liberté des médias.",
        "Unabhängige Institutionen, die sich für Demokratie, Menschenrechte, nationale "
        "Minderheiten und Medienfreiheit einsetzen.",
        "Istituzioni indipendenti che si occupano di democrazia, diritti umani, minoranze "
        "nazionali e libertà dei media.",
        "Независимые институты, занимающиеся вопросами демократии, прав человека, "
        "национальных меньшинств и свободы СМИ.",
        "Instituciones independientes que trabajan en favor de la democracia, los derechos "
        "humanos, las minorías nacionales y la libertad de los medios de comunicación.",
    ),
    "Field operations assist host countries in putting their commitments into practice.": (
        "Les opérations de terrain aident les pays hôtes à mettre en pratique leurs engagements.",
        "Die Feldoperationen unterstützen die Gastländer bei der Umsetzung ihrer Verpflichtungen.",
        "Le operazioni sul terreno assistono i Paesi ospitanti nell’attuazione dei loro impegni.",
        "Полевые операции помогают принимающим странам выполнять взятые на себя обязательства.",
        "Las operaciones sobre el terreno ayudan a los países anfitriones a poner en práctica "
        "sus compromisos.",
    ),
    "Field activities that have completed their mandates.": (
        "Les activités de terrain dont le mandat est achevé.",
        "Feldaktivitäten, deren Mandat abgeschlossen ist.",
        "Attività sul terreno che hanno concluso il loro mandato.",
        "Деятельность на местах, мандат которой выполнен.",
        "Actividades sobre el terreno que han concluido su mandato.",
    ),
    "The Assembly of parliamentarians from the participating States.": (
        "L’Assemblée des parlementaires des États participants.",
        "Die Versammlung der Parlamentarierinnen und Parlamentarier der Teilnehmerstaaten.",
        "L’Assemblea dei parlamentari degli Stati partecipanti.",
        "Ассамблея парламентариев государств-участников.",
        "La Asamblea de los parlamentarios de los Estados participantes.",
    ),
    "Settles disputes submitted to it by States parties to the Convention on Conciliation and "
    "Arbitration.": (
        "Règle les différends que lui soumettent les États parties à la Convention relative à "
        "la conciliation et à l’arbitrage.",
        "Legt Streitigkeiten bei, die ihm von den Vertragsstaaten des Übereinkommens über "
        "Vergleichs- und Schiedsverfahren unterbreitet werden.",
        "Risolve le controversie sottopostele dagli Stati parte della Convenzione sulla "
        "conciliazione e l’arbitrato.",
        "Урегулирует споры, передаваемые ему государствами – участниками Конвенции по "
        "примирению и арбитражу.",
        "Resuelve las controversias que le someten los Estados partes en el Convenio sobre "
        "Conciliación y Arbitraje.",
    ),
}

PAGE_BODIES = {
    "About us": (
        "<p>L’Organisation pour la sécurité et la coopération en Europe est la plus grande "
        "organisation régionale de sécurité au monde. Elle œuvre pour la stabilité, la paix et "
        "la démocratie au bénéfice de plus d’un milliard de personnes, par un dialogue "
        "politique sur des valeurs communes et par une action concrète qui vise à produire des "
        "effets durables.</p>",
        "<p>Die Organisation für Sicherheit und Zusammenarbeit in Europa ist die weltweit "
        "größte regionale Sicherheitsorganisation. Sie setzt sich durch politischen Dialog über "
        "gemeinsame Werte und durch praktische Arbeit, die nachhaltig etwas bewirken soll, für "
        "Stabilität, Frieden und Demokratie für mehr als eine Milliarde Menschen ein.</p>",
        "<p>L’Organizzazione per la sicurezza e la cooperazione in Europa è la più grande "
        "organizzazione regionale per la sicurezza del mondo. Opera per la stabilità, la pace e "
        "la democrazia di oltre un miliardo di persone, attraverso il dialogo politico su "
        "valori condivisi e un lavoro concreto che mira a produrre cambiamenti duraturi.</p>",
        "<p>Организация по безопасности и сотрудничеству в Европе – крупнейшая в мире "
        "региональная организация по безопасности. Она работает во имя стабильности, мира и "
        "демократии для более чем миллиарда человек, опираясь на политический диалог об общих "
        "ценностях и практическую работу, призванную принести долгосрочные результаты.</p>",
        "<p>La Organización para la Seguridad y la Cooperación en Europa es la mayor "
        "organización regional de seguridad del mundo. Trabaja por la estabilidad, la paz y la "
        "democracia de más de mil millones de personas, mediante el diálogo político sobre "
        "valores compartidos y una labor práctica que aspira a lograr cambios duraderos.</p>",
    ),
    "Organizational structure": (
        "<p>Les organes de décision de l’Organisation, sa Présidence, son Secrétariat, ses "
        "institutions et ses opérations de terrain travaillent ensemble dans les dimensions "
        "politico-militaire, économique et environnementale, et humaine de la sécurité.</p>",
        "<p>Die Beschlussfassungsorgane der Organisation, ihr Vorsitz, ihr Sekretariat, ihre "
        "Institutionen und ihre Feldoperationen arbeiten in der politisch-militärischen, der "
        "Wirtschafts- und Umweltdimension sowie der menschlichen Dimension der Sicherheit "
        "zusammen.</p>",
        "<p>Gli organi decisionali dell’Organizzazione, la sua Presidenza, il Segretariato, le "
        "istituzioni e le operazioni sul terreno lavorano insieme nelle dimensioni "
        "politico-militare, economica e ambientale, e umana della sicurezza.</p>",
        "<p>Директивные органы Организации, ее Председательство, Секретариат, институты и "
        "полевые операции работают вместе в военно-политическом, экономико-экологическом и "
        "человеческом измерениях безопасности.</p>",
        "<p>Los órganos decisorios de la Organización, su Presidencia, su Secretaría, sus "
        "instituciones y sus operaciones sobre el terreno trabajan juntos en las dimensiones "
        "político-militar, económica y medioambiental, y humana de la seguridad.</p>",
    ),
    "Projects": (
        "<p>Les projets menés par le Secrétariat, les institutions et les opérations de "
        "terrain, avec les pays hôtes et des partenaires.</p>",
        "<p>Projekte des Sekretariats, der Institutionen und der Feldoperationen, gemeinsam mit "
        "den Gastländern und Partnern.</p>",
        "<p>Progetti realizzati dal Segretariato, dalle istituzioni e dalle operazioni sul "
        "terreno, insieme ai Paesi ospitanti e ai partner.</p>",
        "<p>Проекты, осуществляемые Секретариатом, институтами и полевыми операциями совместно "
        "с принимающими странами и партнерами.</p>",
        "<p>Proyectos llevados a cabo por la Secretaría, las instituciones y las operaciones "
        "sobre el terreno, junto con los países anfitriones y los socios.</p>",
    ),
    "Closed field activities": (
        "<p>Les activités de terrain dont le mandat est achevé, et les archives de leurs "
        "travaux.</p>",
        "<p>Feldaktivitäten, deren Mandat abgeschlossen ist, und die Archive ihrer Arbeit.</p>",
        "<p>Attività sul terreno il cui mandato è concluso, e gli archivi del loro lavoro.</p>",
        "<p>Деятельность на местах, мандат которой выполнен, и архивы ее работы.</p>",
        "<p>Actividades sobre el terreno cuyo mandato ha concluido, y los archivos de su "
        "labor.</p>",
    ),
}

# Every name of the navigation: the trees' names, menu labels, pages' titles.
NAMES = (
    FIELDS_OF_WORK
    | COUNTRIES
    | STRUCTURES
    | PLACES
    | MEETING_TYPES
    | DOCUMENT_TYPE_NAMES
    | MENU_LABELS
    | PAGE_TITLES
)
