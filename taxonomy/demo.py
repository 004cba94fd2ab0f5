"""The seed page's navigation as data; built by ``manage.py load_demo``.

Idempotent: nodes are matched by slug (menu items by their menu and the labels from the root),
missing ones are created in bulk, changed values updated, and a tree is rebuilt and verified
only when its structure changed. Running it twice changes nothing.
"""

from datetime import date

from django.utils.text import slugify

from osce_cms.caching import bump_generation

from . import trees
from .models import (
    Country,
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


def _country_specs():
    specs = []
    for group, members in COUNTRY_GROUPS:
        specs.append((slugify(group), None, {"name": group, "iso_code": ""}))
        specs += [
            (slugify(name), slugify(group), {"name": name, "iso_code": iso})
            for name, iso in members
        ]
    return specs


def _structure_specs():
    def root(name, **fields):
        fields = {"name": name, "description": STRUCTURE_DESCRIPTIONS.get(name, "")} | fields
        return (slugify(name), None, fields)

    def children(parent, names):
        return [(slugify(name), slugify(parent), _names(name)) for name in names]

    def closed(name, _iso, opened_on, closed_on, former_names, description):
        fields = _names(name) | {"opened_on": opened_on, "closed_on": closed_on}
        if former_names:
            fields["former_names"] = "\n".join(former_names)
        return (slugify(name), "field-operations", fields | {"description": description})

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
        (slugify(city), None, {"name": city, "country_id": country_ids.get(iso)})
        for city, iso in places
    ]


def _flat_specs(names):
    return [(slugify(name), None, {"name": name}) for name in names]


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
                ("Institutions", ("structure", "institutions"), []),
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


def sync_tree(model, specs, existing):
    """Make ``model``'s nodes match ``specs`` (``(key, parent_key, fields)`` in tree order).

    ``existing`` maps keys to saved nodes. Missing nodes are created in bulk, one level at a
    time, as last children of their parents; changed fields are updated; the tree is rebuilt and
    verified only if its structure changed. Returns the number of nodes created or updated.
    """
    tree_ids = model._default_manager.values_list("tree_id", flat=True).order_by("-tree_id")
    next_tree_id = (tree_ids.first() or 0) + 1
    level_of = {key: node.level for key, node in existing.items()}
    created, updated, moved = 0, [], False
    update_fields = set()
    pending = list(specs)
    while pending:
        batch, later = [], []
        for spec in pending:
            key, parent_key, _fields = spec
            ready = parent_key is None or parent_key in existing
            (batch if ready and key not in existing else later).append(spec)
        new_nodes = []
        for index, (_key, parent_key, fields) in enumerate(batch):
            parent = existing.get(parent_key)
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
            existing[key] = node
            level_of[key] = node.level
        created += len(new_nodes)
        pending = [spec for spec in later if spec[0] not in existing]
        if not batch:
            break

    for key, parent_key, fields in specs:
        node = existing[key]
        parent_id = existing[parent_key].pk if parent_key else None
        if node.parent_id != parent_id:
            node.parent_id, moved = parent_id, True
            update_fields.add("parent")
            updated.append(node)
        changed = [name for name, value in fields.items() if getattr(node, name) != value]
        for name in changed:
            setattr(node, name, fields[name])
        if changed and _refresh_search_names(node):
            changed.append("search_names")
        if changed:
            update_fields.update(name.removesuffix("_id") for name in changed)
            updated.append(node)
    if updated:
        model._default_manager.bulk_update(set(updated), sorted(update_fields), batch_size=500)
    if created or moved:
        trees.rebuild(model)
    return created + len(set(updated))


def _refresh_search_names(node):
    """Bulk writes skip ``Term.save``: keep a term's searchable names in step by hand."""
    if not hasattr(node, "compute_search_names"):
        return False
    names = node.compute_search_names()
    changed = names != node.search_names
    node.search_names = names
    return changed


def _sync_terms(model, specs):
    """Sync a taxonomy whose nodes are keyed by slug."""
    existing = {node.slug: node for node in model._default_manager.all()}
    specs = [(slug, parent, {"slug": slug, **fields}) for slug, parent, fields in specs]
    return sync_tree(model, specs, existing)


def _menu_specs(items, parent_key=()):
    specs = []
    for label, target, children in items:
        key = (*parent_key, label)
        specs.append((key, parent_key or None, target))
        specs += _menu_specs(children, key)
    return specs


def _sync_menu(slug, name, items, ids):
    menu, _created = Menu.objects.update_or_create(slug=slug, defaults={"name": name})
    keys = {}
    for item in MenuItem.objects.filter(menu=menu).order_by("tree_id", "lft"):
        keys[item.pk] = (*keys.get(item.parent_id, ()), item.label)
    existing = {keys[item.pk]: item for item in MenuItem.objects.filter(menu=menu).order_by("pk")}
    specs = []
    for key, parent_key, target in _menu_specs(items):
        fields = {"menu_id": menu.pk, "label": key[-1], "is_heading": target is None}
        fields |= EMPTY_TARGETS
        if target is not None:
            field, value = target
            if field == "named_url":
                fields["named_url"] = value
            else:
                fields[f"{field}_id"] = ids[field][value]
        specs.append((key, parent_key, fields))
    return sync_tree(MenuItem, specs, existing)


def load(stdout):
    """Create or update every demo tree (idempotent)."""
    changes = _sync_terms(FieldOfWork, _flat_specs(FIELDS_OF_WORK))
    changes += _sync_terms(Country, _country_specs())
    countries = {c.iso_code: c.pk for c in Country.objects.exclude(iso_code="")}
    changes += _sync_terms(Structure, _structure_specs())
    changes += _sync_terms(Place, _place_specs(countries))
    changes += _sync_terms(MeetingType, _flat_specs(MEETING_TYPES))
    changes += _link_field_operations(countries)
    for title, body in PAGES:
        # The closed field activities are listed by the site itself, from the closing dates.
        listing = PageListing.CLOSED_STRUCTURES if title == "Closed field activities" else ""
        _page, created = Page.objects.get_or_create(
            slug=slugify(title), defaults={"title": title, "body": body, "listing": listing}
        )
        changes += created
    ids = {
        field: dict(model._default_manager.values_list("slug", "pk"))
        for field, model in TARGET_MODELS.items()
    }
    changes += _sync_menu("main", "Main menu", _main_menu(), ids)
    changes += _sync_menu("footer", "Footer menu", FOOTER_MENU, ids)
    if changes:
        bump_generation()  # bulk writes send no signals
    stdout.write(f"Taxonomies and menus: {changes} node(s) created or updated.")


def _link_field_operations(countries):
    through = Structure.countries.through
    structures = dict(Structure.objects.values_list("slug", "pk"))
    hosts = [(name, iso) for name, iso, _city in FIELD_OPERATIONS]
    hosts += [(operation[0], operation[1]) for operation in CLOSED_FIELD_OPERATIONS]
    wanted = {(structures[slugify(name)], countries[iso]) for name, iso in hosts if iso}
    present = set(through.objects.values_list("structure_id", "country_id"))
    missing = wanted - present
    through.objects.bulk_create([through(structure_id=s, country_id=c) for s, c in sorted(missing)])
    return len(missing)
