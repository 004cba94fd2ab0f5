"""The seed page's navigation as data; built by ``manage.py load_demo``.

The demo only fills what is empty: a taxonomy is built only while it has no node, a menu only
while no menu has its slug, the pages only while there is none. Once there, the content is the
site's own: loading the demo again never reverts an edit, a move or a deletion.
"""

from datetime import date

from django.utils import timezone
from django.utils.text import slugify

from editorial.models import Status
from osce_cms.caching import bump_generation

from . import trees
from .demo_descriptions import (
    FIELD_OF_WORK_DESCRIPTIONS,
    FIELD_OPERATION_DESCRIPTION,
    MEETING_TYPE_DESCRIPTIONS,
    STRUCTURE_DESCRIPTIONS,
)
from .demo_translations import DESCRIPTIONS, LANGUAGES, NAMES, PAGE_BODIES
from .models import (
    Country,
    DocumentType,
    FieldOfWork,
    MeetingType,
    Menu,
    MenuItem,
    Page,
    PageListing,
    Place,
    Structure,
)

FIELDS_OF_WORK = [
    "Arms control",
    "Border management",
    "Combating trafficking in human beings",
    "Conflict prevention and resolution",
    "Countering terrorism",
    "Cyber/ICT Security",
    "Democratization",
    "Economic activities",
    "Education",
    "Elections",
    "Environmental activities",
    "Gender equality",
    "Good governance",
    "Human rights",
    "Media freedom and development",
    "Migration",
    "National minority issues",
    "Policing",
    "Reform and co-operation in the security sector",
    "Roma and Sinti",
    "Rule of law",
    "Tolerance and non-discrimination",
    "Youth",
]

# (name, ISO 3166-1 alpha-2 code, label in the seed page's menu when it differs)
PARTICIPATING_STATES = [
    ("Albania", "AL", ""),
    ("Andorra", "AD", ""),
    ("Armenia", "AM", ""),
    ("Austria", "AT", ""),
    ("Azerbaijan", "AZ", ""),
    ("Belgium", "BE", ""),
    ("Belarus", "BY", ""),
    ("Bosnia and Herzegovina", "BA", ""),
    ("Bulgaria", "BG", ""),
    ("Canada", "CA", ""),
    ("Croatia", "HR", ""),
    ("Cyprus", "CY", ""),
    ("Czechia", "CZ", ""),
    ("Denmark", "DK", ""),
    ("Estonia", "EE", ""),
    ("Finland", "FI", "Finland – OSCE Chairpersonship 2025"),
    ("France", "FR", ""),
    ("Georgia", "GE", ""),
    ("Germany", "DE", ""),
    ("Greece", "GR", ""),
    ("Holy See", "VA", ""),
    ("Hungary", "HU", ""),
    ("Iceland", "IS", ""),
    ("Ireland", "IE", ""),
    ("Italy", "IT", ""),
    ("Kazakhstan", "KZ", ""),
    ("Kyrgyzstan", "KG", ""),
    ("Latvia", "LV", ""),
    ("Liechtenstein", "LI", ""),
    ("Lithuania", "LT", ""),
    ("Luxembourg", "LU", ""),
    ("Malta", "MT", ""),
    ("Moldova", "MD", ""),
    ("Monaco", "MC", ""),
    ("Mongolia", "MN", ""),
    ("Montenegro", "ME", ""),
    ("The Netherlands", "NL", ""),
    ("North Macedonia", "MK", ""),
    ("Norway", "NO", ""),
    ("Poland", "PL", ""),
    ("Portugal", "PT", ""),
    ("Romania", "RO", ""),
    ("Russian Federation", "RU", ""),
    ("San Marino", "SM", ""),
    ("Serbia", "RS", ""),
    ("Slovakia", "SK", ""),
    ("Slovenia", "SI", ""),
    ("Spain", "ES", ""),
    ("Sweden", "SE", ""),
    ("Switzerland", "CH", ""),
    ("Tajikistan", "TJ", ""),
    ("Türkiye", "TR", ""),
    ("Turkmenistan", "TM", ""),
    ("Ukraine", "UA", ""),
    ("United Kingdom", "GB", ""),
    ("United States of America", "US", ""),
    ("Uzbekistan", "UZ", ""),
]
ASIAN_PARTNERS = [
    ("Afghanistan", "AF"),
    ("Australia", "AU"),
    ("Japan", "JP"),
    ("Republic of Korea", "KR"),
    ("Thailand", "TH"),
]
MEDITERRANEAN_PARTNERS = [
    ("Algeria", "DZ"),
    ("Egypt", "EG"),
    ("Israel", "IL"),
    ("Jordan", "JO"),
    ("Morocco", "MA"),
    ("Tunisia", "TN"),
]
COUNTRY_GROUPS = [
    ("Participating States", [(name, iso) for name, iso, _label in PARTICIPATING_STATES]),
    ("Asian Partners for Co-operation", ASIAN_PARTNERS),
    ("Mediterranean Partners for Co-operation", MEDITERRANEAN_PARTNERS),
]

SECRETARIAT_UNITS = [
    "Secretary General",
    "Office of the Secretary General",
    "Conflict Prevention Centre",
    "Transnational Threats Department",
    "Office of the Special Representative and Co-ordinator for Combating Trafficking in "
    "Human Beings",
    "Office of the Co-ordinator of OSCE Economic and Environmental Activities",
    "Gender Issues Programme",
    "Opportunities for Youth",
    "Department of Human Resources",
    "Department of Management and Finance",
    "Office of Internal Oversight",
    "Documentation Centre in Prague",
]
INSTITUTIONS = [
    ("Office for Democratic Institutions and Human Rights", "Warsaw"),
    ("High Commissioner on National Minorities", "The Hague"),
    ("Representative on Freedom of the Media", "Vienna"),
]
# (name, ISO code of the host country or "" where there is none, the office's city)
FIELD_OPERATIONS = [
    ("Presence in Albania", "AL", "Tirana"),
    ("Centre in Ashgabat", "TM", "Ashgabat"),
    ("Programme Office in Astana", "KZ", "Astana"),
    ("Programme Office in Bishkek", "KG", "Bishkek"),
    ("Mission to Bosnia and Herzegovina", "BA", "Sarajevo"),
    ("Programme Office in Dushanbe", "TJ", "Dushanbe"),
    ("Mission in Kosovo", "", "Pristina"),
    ("Mission to Moldova", "MD", "Chisinau"),
    ("Mission to Montenegro", "ME", "Podgorica"),
    ("Mission to Serbia", "RS", "Belgrade"),
    ("Mission to Skopje", "MK", "Skopje"),
    ("Project Co-ordinator in Uzbekistan", "UZ", "Tashkent"),
]
# Closed field operations as publicly documented (OSCE press releases and the Permanent
# Council's decisions): name, ISO code of the host country, opened, closed, former names,
# description. Where only the month is on record the first day of it stands for it.
CLOSED_FIELD_OPERATIONS = [
    (
        "Mission to Georgia",
        "GE",
        date(1992, 11, 6),
        date(2009, 6, 30),
        [],
        "Worked for the peaceful settlement of the conflicts in Georgia and monitored the zone "
        "of the Georgian-Ossetian conflict until no consensus was found on its mandate.",
    ),
    (
        "Mission to Croatia",
        "HR",
        date(1996, 4, 1),
        date(2007, 12, 31),
        [],
        "Supported the return of refugees, the rule of law and the protection of minorities; "
        "its remaining tasks passed to the Office in Zagreb.",
    ),
    (
        "Office in Zagreb",
        "HR",
        date(2008, 1, 1),
        date(2011, 12, 31),
        [],
        "Monitored war crimes proceedings and the housing care programmes after the Mission "
        "to Croatia closed.",
    ),
    (
        "Advisory and Monitoring Group in Belarus",
        "BY",
        date(1998, 2, 1),
        date(2002, 12, 31),
        [],
        "Assisted Belarus in developing democratic institutions; succeeded by the Office in Minsk.",
    ),
    (
        "Office in Minsk",
        "BY",
        date(2003, 1, 1),
        date(2011, 3, 31),
        [],
        "Worked on institution building, the rule of law and economic and environmental "
        "activities until its mandate was not extended.",
    ),
    (
        "Project Co-ordinator in Baku",
        "AZ",
        date(2000, 7, 1),
        date(2015, 7, 4),
        ["Office in Baku"],
        "The Office in Baku, renamed Project Co-ordinator in 2014, supported reforms in "
        "Azerbaijan until the host country ended the memorandum on its work.",
    ),
    (
        "Office in Yerevan",
        "AM",
        date(2000, 2, 1),
        date(2017, 8, 31),
        [],
        "Worked in all three dimensions of security in Armenia, from police reform to "
        "electoral management, until no consensus was found on its mandate.",
    ),
    (
        "Project Co-ordinator in Ukraine",
        "UA",
        date(1999, 6, 1),
        date(2022, 6, 30),
        [],
        "Supported Ukraine's reforms for 23 years, from countering trafficking in human "
        "beings to humanitarian demining.",
    ),
    (
        "Special Monitoring Mission to Ukraine",
        "UA",
        date(2014, 3, 21),
        date(2022, 3, 31),
        [],
        "An unarmed civilian mission that reported impartially on the situation throughout "
        "Ukraine and facilitated dialogue and local repairs.",
    ),
]
# Short names and acronyms by which the public looks for a structure.
STRUCTURE_ALIASES = {
    "Office for Democratic Institutions and Human Rights": ["ODIHR"],
    "High Commissioner on National Minorities": ["HCNM"],
    "Representative on Freedom of the Media": ["RFoM"],
    "Special Monitoring Mission to Ukraine": ["SMM"],
    "Parliamentary Assembly": ["PA", "OSCE PA"],
    "Conflict Prevention Centre": ["CPC"],
}
# Earlier names of current structures.
STRUCTURE_FORMER_NAMES = {
    "Mission to Skopje": ["Spillover Monitor Mission to Skopje"],
    "Programme Office in Astana": ["Centre in Astana"],
    "Programme Office in Bishkek": ["Centre in Bishkek"],
    "Programme Office in Dushanbe": ["Office in Tajikistan"],
}
OTHER_PLACES = [
    ("Vienna", "AT"),
    ("Minsk", "BY"),
    ("Warsaw", "PL"),
    ("The Hague", "NL"),
    ("Prague", "CZ"),
    ("Copenhagen", "DK"),
    ("Helsinki", "FI"),
]

MEETING_TYPES = [
    "Summit meetings",
    "Review Conferences",
    "Ministerial Council meetings",
    "Plenary meetings of the Permanent Council",
    "Plenary Meetings of the Forum for Security Co-operation",
    "Security Review Conferences",
    "Annual Implementation Assessment Meetings",
    "Economic and Environmental Forum",
    "Economic and Environmental Dimension Implementation Meetings",
    "Human rights meetings",
    "Media conferences",
    "Cyber/ICT security conferences",
    "Conference of the Alliance against Trafficking in Persons",
    "Gender equality conferences",
    "Annual OSCE Mediterranean conferences",
    "Annual OSCE Asian conferences",
    "Partnerships",
]

PAGES = [
    (
        "About us",
        "<p>The Organization for Security and Co-operation in Europe is the world's largest "
        "regional security organization. It works for stability, peace and democracy for more "
        "than a billion people, through political dialogue about shared values and through "
        "practical work that aims to make a lasting difference.</p>",
    ),
    (
        "Organizational structure",
        "<p>The Organization's decision-making bodies, its Chairpersonship, Secretariat, "
        "institutions and field operations work together across the politico-military, "
        "economic and environmental, and human dimensions of security.</p>",
    ),
    (
        "Projects",
        "<p>Projects carried out by the Secretariat, the institutions and the field operations, "
        "together with host countries and partners.</p>",
    ),
    (
        "Closed field activities",
        "<p>Field activities whose mandates have been completed, and the archives of their "
        "work.</p>",
    ),
]


def translated(field, english, translations=None):
    """``field`` in English (the original column and ``<field>_en``) and, given their
    translations (French, German, Italian, Russian, Spanish), in the other languages."""
    values = {field: english, f"{field}_en": english}
    if translations:
        values |= {
            f"{field}_{code}": text for code, text in zip(LANGUAGES, translations, strict=True)
        }
    return values


def named(name):
    return translated("name", name, NAMES.get(name))


def described(description):
    return translated("description", description, DESCRIPTIONS.get(description))


def _country_specs():
    specs = []
    for group, members in COUNTRY_GROUPS:
        specs.append((slugify(group), None, {**named(group), "iso_code": ""}))
        specs += [
            (slugify(name), slugify(group), {**named(name), "iso_code": iso})
            for name, iso in members
        ]
    return specs


def _structure_specs():
    def root(name, public_name="", **extra):
        description = STRUCTURE_DESCRIPTIONS.get(name, "")
        fields = named(name) | described(description) | extra
        if public_name:
            fields |= translated("public_name", public_name, NAMES[public_name])
        return (slugify(name), None, fields)

    def children(parent, names):
        return [
            (slugify(name), slugify(parent), named(name) | _names(name) | described(describe(name)))
            for name in names
        ]

    hosts = {iso: f"the authorities of {name}" for name, iso, _label in PARTICIPATING_STATES}
    operations = {
        name: FIELD_OPERATION_DESCRIPTION.format(
            host=hosts.get(iso, "local institutions"), city=city
        )
        for name, iso, city in FIELD_OPERATIONS
    }

    def describe(name):
        return STRUCTURE_DESCRIPTIONS.get(name) or operations[name]

    def closed(name, _iso, opened_on, closed_on, former_names, description):
        fields = named(name) | _names(name) | {"opened_on": opened_on, "closed_on": closed_on}
        if former_names:
            fields["former_names"] = "\n".join(former_names)
        return (slugify(name), "field-operations", fields | described(description))

    return [
        root("Chairpersonship"),
        root("Secretariat", public_name="OSCE Secretariat"),
        *children("Secretariat", SECRETARIAT_UNITS),
        root("Institutions"),
        *children("Institutions", [name for name, _city in INSTITUTIONS]),
        root("Field operations"),
        *children("Field operations", [name for name, _iso, _city in FIELD_OPERATIONS]),
        *(closed(*operation) for operation in CLOSED_FIELD_OPERATIONS),
        root("Closed field activities"),
        root(
            "Parliamentary Assembly", aliases="\n".join(STRUCTURE_ALIASES["Parliamentary Assembly"])
        ),
        root("Court of Conciliation and Arbitration"),
    ]


def _names(name):
    """A structure's name with its demo aliases and former names."""
    fields = {"name": name}
    if name in STRUCTURE_ALIASES:
        fields["aliases"] = "\n".join(STRUCTURE_ALIASES[name])
    if name in STRUCTURE_FORMER_NAMES:
        fields["former_names"] = "\n".join(STRUCTURE_FORMER_NAMES[name])
    return fields


def _place_specs(country_ids):
    places = [(city, iso) for _name, iso, city in FIELD_OPERATIONS] + OTHER_PLACES
    return [
        (slugify(city), None, {**named(city), "country_id": country_ids.get(iso)})
        for city, iso in places
    ]


# The documents library's types: (name, description, children as (name, description)).
DOCUMENT_TYPES = [
    (
        "Decisions",
        "Decisions of the Organization's decision-making bodies, each with its reference number.",
        [
            ("Permanent Council decisions", "Decisions of the Permanent Council (PC.DEC)."),
            ("Ministerial Council decisions", "Decisions of the Ministerial Council (MC.DEC)."),
            (
                "Forum for Security Co-operation decisions",
                "Decisions of the Forum for Security Co-operation (FSC.DEC).",
            ),
        ],
    ),
    ("Statements", "Statements of the Chairpersonship, the institutions and the missions.", []),
    ("Reports", "Reports on elections, activities and the situation in the field.", []),
    ("Publications", "Handbooks, guides and studies.", []),
    ("Speeches", "Speeches of the Organization's officials.", []),
    ("Factsheets", "Short overviews of a structure or a field of work.", []),
]


def _document_type_specs():
    specs = []
    for name, description, children in DOCUMENT_TYPES:
        specs.append((slugify(name), None, named(name) | described(description)))
        specs += [
            (slugify(child), slugify(name), named(child) | described(text))
            for child, text in children
        ]
    return specs


def _flat_specs(names, descriptions):
    return [(slugify(name), None, named(name) | described(descriptions[name])) for name in names]


def _main_menu():
    """The seed page's navigation: (label, target, children); a target is (field, slug)."""
    named = "named_url"
    return [
        (
            "Our work",
            None,
            [
                (
                    "Fields of work",
                    (named, "taxonomy:fieldofwork-list"),
                    [(name, ("field_of_work", slugify(name)), []) for name in FIELDS_OF_WORK],
                ),
                ("Field operations", ("structure", "field-operations"), []),
                ("Projects", ("page", "projects"), []),
            ],
        ),
        (
            "Meetings and conferences",
            (named, "taxonomy:meetingtype-list"),
            [(name, ("meeting_type", slugify(name)), []) for name in MEETING_TYPES],
        ),
        ("Fields of work", (named, "taxonomy:fieldofwork-list"), []),
        (
            "Countries",
            (named, "taxonomy:country-list"),
            [
                ("All", (named, "taxonomy:country-list"), []),
                (
                    "Participating States",
                    ("country", "participating-states"),
                    [
                        (label or name, ("country", slugify(name)), [])
                        for name, _iso, label in PARTICIPATING_STATES
                    ],
                ),
                ("Asian Partners for Co-operation", ("country", slugify(COUNTRY_GROUPS[1][0])), []),
                (
                    "Mediterranean Partners for Co-operation",
                    ("country", slugify(COUNTRY_GROUPS[2][0])),
                    [],
                ),
            ],
        ),
        (
            "Structures and institutions",
            (named, "taxonomy:structure-list"),
            [
                ("Chairpersonship", ("structure", "chairpersonship"), []),
                (
                    "Secretariat",
                    ("structure", "secretariat"),
                    [(name, ("structure", slugify(name)), []) for name in SECRETARIAT_UNITS],
                ),
                (
                    "Institutions",
                    ("structure", "institutions"),
                    [(name, ("structure", slugify(name)), []) for name, _city in INSTITUTIONS],
                ),
                (
                    "Field operations",
                    ("structure", "field-operations"),
                    [
                        (name, ("structure", slugify(name)), [])
                        for name, _iso, _city in FIELD_OPERATIONS
                    ],
                ),
                ("Closed field activities", ("page", "closed-field-activities"), []),
                ("Parliamentary Assembly", ("structure", "parliamentary-assembly"), []),
                (
                    "Court of Conciliation and Arbitration",
                    ("structure", "court-of-conciliation-and-arbitration"),
                    [],
                ),
                ("Organizational structure", ("page", "organizational-structure"), []),
                ("About us", ("page", "about-us"), []),
            ],
        ),
    ]


FOOTER_MENU = [
    ("About us", ("page", "about-us"), []),
    ("Organizational structure", ("page", "organizational-structure"), []),
    ("Press releases", ("named_url", "press:release-list"), []),
    ("Fields of work", ("named_url", "taxonomy:fieldofwork-list"), []),
    ("Countries", ("named_url", "taxonomy:country-list"), []),
    ("Structures and institutions", ("named_url", "taxonomy:structure-list"), []),
    ("Meetings and conferences", ("named_url", "taxonomy:meetingtype-list"), []),
]

TARGET_MODELS = {
    "field_of_work": FieldOfWork,
    "country": Country,
    "structure": Structure,
    "meeting_type": MeetingType,
    "page": Page,
}
EMPTY_TARGETS = {
    **{f"{name}_id": None for name in TARGET_MODELS},
    "place_id": None,
    "named_url": "",
    "external_url": "",
}


def build_tree(model, specs):
    """Create ``model``'s nodes from ``specs`` (``(key, parent_key, fields)`` in tree order).

    Nodes are created in bulk, one level at a time, as last children of their parents, after
    the nodes already in the tree; the tree is then rebuilt and verified. Returns the number
    of nodes created.
    """
    tree_ids = model._default_manager.values_list("tree_id", flat=True).order_by("-tree_id")
    next_tree_id = (tree_ids.first() or 0) + 1
    created, level_of = {}, {}
    pending = list(specs)
    while pending:
        batch = [spec for spec in pending if spec[1] is None or spec[1] in created]
        if not batch:
            break
        new_nodes = []
        for index, (_key, parent_key, fields) in enumerate(batch):
            parent = created.get(parent_key)
            if parent is None:
                tree_id, next_tree_id = next_tree_id, next_tree_id + 1
            else:
                tree_id = parent.tree_id
            new_nodes.append(
                model(
                    parent=parent,
                    tree_id=tree_id,
                    lft=10**7 + 2 * index,
                    rght=10**7 + 2 * index + 1,
                    level=0 if parent is None else level_of[parent_key] + 1,
                    **fields,
                )
            )
        for node in new_nodes:
            _refresh_search_names(node)
        for (key, _parent, _fields), node in zip(
            batch, model._default_manager.bulk_create(new_nodes), strict=True
        ):
            created[key] = node
            level_of[key] = node.level
        pending = [spec for spec in pending if spec[0] not in created]
    if created:
        trees.rebuild(model)
    return len(created)


def _refresh_search_names(node):
    """Bulk writes skip ``Term.save``: set a term's searchable names by hand."""
    if hasattr(node, "compute_search_names"):
        node.search_names = node.compute_search_names()


def _fill_terms(model, specs):
    """Build a taxonomy whose nodes are keyed by slug, if it has no node yet."""
    if model._default_manager.exists():
        return 0
    return build_tree(
        model, [(slug, parent, {"slug": slug, **fields}) for slug, parent, fields in specs]
    )


def _menu_specs(items, parent_key=()):
    specs = []
    for label, target, children in items:
        key = (*parent_key, label)
        specs.append((key, parent_key or None, target))
        specs += _menu_specs(children, key)
    return specs


def _fill_menu(slug, name, items, ids):
    """Create the menu ``slug`` with ``items``, unless a menu of that slug exists."""
    menu, created = Menu.objects.get_or_create(slug=slug, defaults={"name": name})
    if not created:
        return 0
    specs = []
    for key, parent_key, target in _menu_specs(items):
        fields = {"menu_id": menu.pk, "is_heading": target is None}
        fields |= translated("label", key[-1], NAMES.get(key[-1]))
        fields |= EMPTY_TARGETS
        if target is not None:
            field, value = target
            if field == "named_url":
                fields["named_url"] = value
            elif value in ids[field]:
                fields[f"{field}_id"] = ids[field][value]
            else:  # the site deleted that target before the menu was built: leave the item out
                continue
        specs.append((key, parent_key, fields))
    return build_tree(MenuItem, specs)


def load(stdout):
    """Build every demo tree, menu and page that is still empty (never touches the others)."""
    changes = _fill_terms(FieldOfWork, _flat_specs(FIELDS_OF_WORK, FIELD_OF_WORK_DESCRIPTIONS))
    changes += _fill_terms(Country, _country_specs())
    countries = {c.iso_code: c.pk for c in Country.objects.exclude(iso_code="")}
    structures = _fill_terms(Structure, _structure_specs())
    if structures:
        _link_field_operations(countries)
    changes += structures
    changes += _fill_terms(Place, _place_specs(countries))
    changes += _fill_terms(MeetingType, _flat_specs(MEETING_TYPES, MEETING_TYPE_DESCRIPTIONS))
    changes += _fill_terms(DocumentType, _document_type_specs())
    if not Page.objects.exists():
        now = timezone.now()
        for title, body in PAGES:
            # The closed field activities are listed by the site itself, from the dates.
            listing = PageListing.CLOSED_STRUCTURES if title == "Closed field activities" else ""
            Page.objects.create(
                slug=slugify(title),
                **translated("title", title, NAMES[title]),
                **translated("body", body, PAGE_BODIES[title]),
                listing=listing,
                status=Status.PUBLISHED,
                first_published_at=now,
            )
        changes += len(PAGES)
    ids = {
        field: dict(model._default_manager.values_list("slug", "pk"))
        for field, model in TARGET_MODELS.items()
    }
    changes += _fill_menu("main", "Main menu", _main_menu(), ids)
    changes += _fill_menu("footer", "Footer menu", FOOTER_MENU, ids)
    if changes:
        bump_generation()  # bulk writes send no signals
    stdout.write(f"Taxonomies and menus: {changes} node(s) created.")


def _link_field_operations(countries):
    through = Structure.countries.through
    structures = dict(Structure.objects.values_list("slug", "pk"))
    hosts = [(name, iso) for name, iso, _city in FIELD_OPERATIONS]
    hosts += [(operation[0], operation[1]) for operation in CLOSED_FIELD_OPERATIONS]
    through.objects.bulk_create(
        through(structure_id=structures[slugify(name)], country_id=countries[iso])
        for name, iso in hosts
        if iso in countries
    )
