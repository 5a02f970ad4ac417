"""Word lists the PHI detector reads: first names and surnames (from Faker's person providers, packaged,
so nothing is downloaded), the English words that are also first names, and health context terms."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from importlib import metadata, resources

# Faker locales whose person providers list names in Latin script: the names UK and US copy carries.
_LOCALES = (
    "en_GB", "en_US", "en_IE", "en_IN", "en_NZ", "en_PK", "ga_IE", "es_ES", "es_MX", "fr_FR", "de_DE", "it_IT",
    "pl_PL", "pt_BR", "nl_NL", "sv_SE", "ro_RO", "tr_TR", "yo_NG", "zu_ZA",
)

# The words that end a street's name: "Harley Street", "90 Wilmslow Road", "Faith, Hope and Charity Street".
STREET_SUFFIX = (r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Crescent|Cres|Court|Ct|Place|Pl"
                 r"|Boulevard|Blvd|Terrace|Gardens|Gdns|Grove|Square|Sq|Hill|Row|Mews|Parkway|Pkwy|Highway|Hwy"
                 r"|Circle|Cir|Walk|Park|View|Rise|Parade|Broadway|Trail|Pike|Heights|Crossing|Loop|Plain|Green|Vale|Croft|Fold"
                 r"|Chase|Gate|Meadows?|Wharf|Quay|Yard|Approach|Grange|End|Bank|Side|Causeway)")

# First names that are also everyday English words, months or places: a name only with stronger evidence
# (a title, a surname, a patient or greeting context), never on the word alone.
AMBIGUOUS_FIRST = frozenset("""
May June April August Grace Hope Faith Joy Rose Summer Autumn Winter Dawn Angel Max Mark Bill Guy
Chase Hunter Victoria Jordan Paris Florence Sydney Austin Will Art Pat Sue Bob Ray Rich Don Frank Miles
Cliff Glen Dale Heath Lane Page Price Sky Star Sunny Crystal Ivy Holly Daisy Poppy Lily Iris Jasmine Hazel
Olive Amber Ruby Pearl Jade Ginger Honey Brandy Penny Candy Mercedes Harley Lincoln Jersey Georgia Carolina
Virginia India China Kenya Chelsea Devon Kent Christian Justice Major King Prince Duke Earl Baron Bishop
Dean Wade Young Long Black White Green Brown Gray Grey Reed Bell Hall Hill Wood Stone Moore Noble Sage
Storm River Rain Ocean Forest Brook Brooke Meadow Fern Willow Aspen Valentine Harmony Melody Serenity
Trinity Destiny Liberty Unity Charity Patience Prudence Constance Verity Precious Blessing Gift Happy
Sterling Carter Cash Bliss Faye Fay Gay Hero Royal Saint Golden Silver Echo Luck Lucky Sonny Rocky Dusty
Misty Sandy Rusty Terry Dot Kit Bo Cole Drew Rob Norm Sol Roman Tanner Taylor Parker Mason Cooper
Fisher Baker Miller Ward Rowan Ash Blue Clay Coral Daisy Bay Cherry Apple Berry Lemon Dove Robin Wren
Lark Jay Finch Raven Sparrow Tiger Bear Wolf Fox Hawk Sunday Monday Friday Tuesday Easter Christmas Noel
Boston Dallas Houston Phoenix Denver Dakota Montana Nevada Cheyenne Orlando Jackson Madison Brooklyn
Camden Kingston Chester Lancaster Preston Stanley Bradley Shelby Alexandria Adelaide Victoria
Asia Africa America Ireland Scotland Wales England Britain London Bristol Devon Cornwall Essex
Nova Vita Lux Mio Bella Amor Dolly Ebony Ivory Velvet Silk Diamond Emerald Sapphire Opal Topaz
Young Temple Church Abbey Castle Prior Priest Pope Judge Marshal Sheriff Porter Butler Cook
Tucker Turner Walker Hunter Archer Fletcher Thatcher Weaver Fuller Glover Hardy Strong Swift Quick
Wise Best Good Love Care Well Hale Faith Free Frost Snow Gale Breeze Sunshine Rainbow Cloud Eve
""".split())

# Words that follow a greeting but are not a person ("Hi there", "Dear Patient").
NOT_NAMES_AFTER_GREETING = frozenset("""
there all everyone everybody team folks friends patient patients parents families family guys you
sir madam member members customer customers client clients neighbour neighbours bristol london again
""".split())

TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Master", "Sir", "Dame", "Lady", "Lord", "Rev", "Sr", "Sra", "Srta", "Don", "Doña")
CLINICIAN_TITLES = ("Dr", "Doctor", "Prof", "Professor", "Nurse", "Sister", "Dentist", "Surgeon")
# Family titles before a name, in English and the languages of the communities practices serve: "Bebe Jasvinder
# Kaur", "Auntie Grace", "Lola Remedios". Read like Mrs: the name after one is a person's.
FAMILY_TITLES = ("Auntie", "Aunty", "Uncle", "Grandma", "Grandpa", "Granny", "Bebe", "Baa", "Nani", "Dadi", "Nanima",
                 "Dadima", "Abuela", "Abuelo", "Tita", "Tito", "Oma", "Opa", "Babcia", "Dziadek", "Yiayia", "Papou")

# Health context: a name near one of these is a person's health information.
HEALTH_TERMS = r"""
(?:diagnos\w*|treat(?:ed|ment|ments|ing)?|therap\w*|surger(?:y|ies)|operations?|procedures?|recover\w*|
symptoms?|conditions?|diseases?|disorders?|illness\w*|infections?|prescri\w*|medicat\w*|medicines?|
appointments?|consultations?|check-?ups?|scans?|x-?rays?|mri|biops\w*|tests?|results?|screening|smear|
patients?|admitted|discharged|hospital\w*|ward|icu|a&e|rehab\w*|physio\w*|chiro\w*|counsel\w*|
cancer|tumou?rs?|chemo\w*|radiother\w*|diabet\w*|insulin|asthma|copd|arthritis|dementia|alzheimer\w*|
parkinson\w*|stroke|heart|cardiac|blood pressure|hypertension|cholesterol|obes\w*|weight[- ]loss|
anxiety|depress\w*|ptsd|adhd|autis\w*|ocd|bipolar|schizo\w*|eating disorder|anorexi\w*|bulimi\w*|
addict\w*|alcohol\w*|rehab|hiv|aids|sti|std|chlamydia|herpes|hepatitis|pregnan\w*|ivf|fertility|
infertil\w*|miscarr\w*|sciatica|ibs|gout|thyroid|kidney|liver|lupus|crohn\w*|colitis|coeliac|celiac|
cbt|replacement|sleep apnoea|sleep apnea|tinnitus|glaucoma|menopaus\w*|perimenopaus\w*|hrt|hormone therapy|contracept\w*|endometriosis|pcos|migraines?|headaches?|back pain|pain|injur\w*|
fractur\w*|sprain\w*|acl|knee|hip replacement|arthroscop\w*|eczema|psoriasis|acne|rosacea|
allerg\w*|epilep\w*|seizures?|covid\w*|flu|vaccin\w*|jabs?|botox|fillers?|lip filler|facelift|liposuction|
implants?|veneers?|crowns?|root canal|fillings?|extraction|braces|invisalign|aligners?|dentures?|
whitening|hygienist|gum disease|cavit(?:y|ies)|hearing aids?|glasses|orthotics?|splints?|crutches|cataract\w*|lasik|laser eye|
bmi|sessions?|telehealth|telemedicine|smoking cessation|pathology|lipo|tummy tuck|bbl|rhinoplasty|nose job|
brachioplasty|blepharoplasty|breast (?:lift|augmentation|reduction)|mommy makeover|abdominoplasty|cosmetic surgery|plastic surgery|stop[- ]smoking|transplant\w*|dialysis|fistulas?|catheters?|stomas?|ostom\w*|wound care|wounds?|ear ?wax|microsuction|mental health|sober|sobriety|relapse|overdose|suicid\w*|self-harm|wheelchair|disabilit\w*|
metformin|warfarin|apixaban|statins?|atorvastatin|simvastatin|amlodipine|ramipril|lisinopril|omeprazole|lansoprazole|
levothyroxine|sertraline|fluoxetine|citalopram|mirtazapine|amitriptyline|gabapentin|pregabalin|methadone|buprenorphine|
naloxone|salbutamol|inhalers?|antibiotics?|amoxicillin|nitrofurantoin|prednisolone|co-codamol|tramadol|morphine|
oxycodone|diazepam|lithium|epipen|dosette|blister packs?|
beat (?:her|his|their) |battle with|struggled with|suffer(?:ed|s|ing)? (?:from|with)|living with|lost \d+)
""".replace("\n", "")


def by_first_letter(alternation: str) -> str:
    """`(?:alt|alt|...)` as one branch per first character, each alternative after it in its old order:
    the same matches (only the alternatives that start with the character at hand can match there), but `re`
    tries a few dozen branches at a position instead of every word. For alternatives that each open with a
    plain letter, matched ignoring case."""
    assert alternation.startswith("(?:") and alternation.endswith(")")
    alternatives, depth, start = [], 0, 3
    for i, ch in enumerate(alternation[3:-1], start=3):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            alternatives.append(alternation[start:i])
            start = i + 1
    alternatives.append(alternation[start:-1])
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        assert alt[:1].isalpha() and alt[1:2] not in ("?", "*", "+", "{"), alt
        groups.setdefault(alt[0].lower(), []).append(alt[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


HEALTH_TERMS = by_first_letter(HEALTH_TERMS)


@cache
def condition_words() -> frozenset[str]:
    """Conditions and symptoms in lay words (the claims pack's packaged vocabulary, built from ICD-10-CM):
    a capitalised one is a heading or a product's purpose ("Made for Opiate Withdrawal"), not a surname."""
    return _term_list("conditions.txt")


@cache
def place_names() -> frozenset[str]:
    """Towns, cities, states, nations and countries (guardrails/terms/places.txt, built from GeoNames)."""
    return _term_list("places.txt")


def _term_list(name: str) -> frozenset[str]:
    """The lines of a packaged term list (guardrails/terms/NAME), comments left out."""
    from ..resources import data_dir

    path = data_dir("guardrails") / "terms" / name
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


@cache
def first_names() -> frozenset[str]:
    return _names(("first_names", "first_names_male", "first_names_female"))


@cache
def surnames() -> frozenset[str]:
    return _names(("last_names",))


# Further Latin-script locales (and the romanised Chinese and Japanese lists): names a UK or US clinic's
# patients carry, read only where they are not also common English words.
_MORE_LOCALES = (
    "en", "en_KE", "en_NG", "ig_NG", "ha_NG", "tw_GH", "sw", "en_TH", "id_ID", "cs_CZ", "sk_SK", "hu_HU",
    "hr_HR", "sl_SI", "lt_LT", "lv_LV", "et_EE", "fi_FI", "da_DK", "no_NO", "is_IS", "de_AT", "de_CH",
    "fr_BE", "fr_CA", "fr_DZ", "nl_BE", "pt_PT", "es_AR", "es_CL", "es_CO", "uz_UZ", "zh_CN", "zh_TW", "ja_JP",
)


@cache
def common_words() -> frozenset[str]:
    """Common English words (scripts/build_phi_terms.py): a capital on one of these is weak evidence of a name."""
    path = resources.files("copygen.guardrails") / "models" / "common_words.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


@cache
def more_first_names() -> frozenset[str]:
    """First names of `_MORE_LOCALES` that are neither on `first_names()` nor common English words, and the
    packaged list of names from many countries that are no English dictionary word (guardrails/terms/
    first_names.txt: "Tariq", "Liang", "Mildred", though frequent in English text)."""
    return _kept("more first names", _MORE_LOCALES, _more_first_names)


def _more_first_names() -> frozenset[str]:
    common = common_words()
    faker = frozenset(n for n in _names(("first_names", "first_names_male", "first_names_female",
                                         "first_romanized_names"), _MORE_LOCALES) if n.lower() not in common)
    return (faker | _term_list("first_names.txt")) - AMBIGUOUS_FIRST - first_names()


@cache
def word_first_names() -> frozenset[str]:
    """First names that are also English words, beyond `AMBIGUOUS_FIRST` ("Jonah", "Precious"; guardrails/terms/
    first_names_words.txt): read only before a surname that is no word and what a person does."""
    return _term_list("first_names_words.txt") | AMBIGUOUS_FIRST


@cache
def all_first_names() -> frozenset[str]:
    """`first_names()` and `more_first_names()` together, for the name detector."""
    return first_names() | more_first_names()


def _names(attrs: tuple[str, ...], locales: tuple[str, ...] = _LOCALES) -> frozenset[str]:
    """The names of these attributes of Faker's person providers in these locales. Importing dozens of
    locale modules is a fifth of a second."""
    return _kept("names", (attrs, locales), lambda: _read_names(attrs, locales))


def _kept(kind: str, key: object, compute: Callable[[], frozenset[str]]) -> frozenset[str]:
    """`compute()`, kept in copygen's cache under `kind`, `key` and Faker's version (building the name lists is
    tens of milliseconds a process)."""
    from .. import cache as disk_cache

    try:
        faker_version = metadata.version("faker")  # not `faker.VERSION`: importing faker is what this saves
    except metadata.PackageNotFoundError:
        faker_version = "?"
    return disk_cache.kept(kind.replace(" ", "_"), compute, f"{faker_version} {key}".encode())


def _read_names(attrs: tuple[str, ...], locales: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for loc in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:  # a locale Faker has dropped
            continue
        for attr in attrs:
            names = getattr(provider, attr, ())
            if not isinstance(names, (list, tuple, dict, set, frozenset)) and not hasattr(names, "keys"):
                continue  # a property, not a list
            for name in names or ():
                if name.isalpha() and name[0].isupper() and len(name) > 1:
                    out.add(name)
    return frozenset(out)
