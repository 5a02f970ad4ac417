"""PHI detection: every patient identifier in a text, typed, with its exact span and the reason.

Deterministic: patterns, check digits (NHS number, NPI, Luhn, IBAN, DEA, VIN), phone-number metadata
(`phonenumbers`) and context words. The practice's own details (brand profile) are never reported.
`detect()` returns the hits; the engine turns them into findings through the `phi` rule pack, and
`redact()` swaps each for a typed placeholder.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import phi_checks as chk
from . import phi_tagger
from .lazy_regex import is_regex, lazy
from .phi_ages import find_ages
from .phi_hit import Hit
from .phi_lexicon import HEALTH_TERMS, all_first_names, condition_words, first_names, place_names
from .phi_lexicon import STREET_SUFFIX as _STREET_SUFFIX
from .phi_names import (
    BRAND_CAPITALS,
    DETERMINER_BEFORE,
    FAMILY_AFTER,
    IN_AT_NEAR,
    NOT_NAMES,
    OCCASIONS,
    OWNER_WORDS,
    PLACE_FEATURES,
    PLACE_PREFIX_BEFORE,
    POSSESSIVE_END,
    ROOM_AFTER,
    at_sentence_start,
    business_name,
    clinician_spans,
    find_names,
    name_kind,
    named_building,
    opens_before_determiner,
    second_of_proper_name,
    sentence_of,
)
from .phi_names import WORD_START as _WORD_START
from .prefilter import LiteralIndex, before, digit_count, need_of, requiring, scan
from .sentences import around, start_of

# Kind -> placeholder used by redact().
PLACEHOLDERS: dict[str, str] = {
    "name": "[NAME]", "name_health": "[NAME]", "phone": "[PHONE]", "fax": "[FAX]", "email": "[EMAIL]",
    "ssn": "[SSN]", "nhs_number": "[NHS_NUMBER]", "ni_number": "[NI_NUMBER]", "mrn": "[MRN]",
    "health_plan_id": "[PLAN_ID]", "account": "[ACCOUNT]", "license": "[LICENCE]", "date": "[DATE]",
    "age_90_plus": "[AGE]", "address": "[ADDRESS]", "postcode": "[POSTCODE]", "zip": "[ZIP]", "url": "[URL]",
    "ip": "[IP]", "other_id": "[ID]", "npi": "[NPI]", "recipient_condition": "[HEALTH_DETAIL]",
    "media_ref": "[PATIENT_MEDIA]", "biometric": "[BIOMETRIC]", "review_reply": "[PATIENT_CONFIRMATION]",
    "vehicle": "[VEHICLE]", "device": "[DEVICE]",
}
# When two hits overlap, the earlier kind here wins (a checked number beats a shape).
PRIORITY = (
    "ssn", "nhs_number", "npi", "ni_number", "health_plan_id", "account", "license", "mrn", "vehicle", "device", "email",
    "url", "ip",
    "fax", "phone", "address", "zip", "postcode", "date", "age_90_plus", "other_id", "recipient_condition",
    "review_reply", "media_ref", "biometric", "name_health", "name",
)
_RANK = {k: i for i, k in enumerate(PRIORITY)}


@dataclass(frozen=True)
class Allow:
    """The practice's own details, which are never PHI."""

    phones: frozenset[str] = frozenset()  # national significant numbers
    domains: frozenset[str] = frozenset()
    text: str = ""  # normalised address, practice name, sender id
    people: tuple[frozenset[str], ...] = ()  # each staff name's tokens


NO_ALLOW = Allow()


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w@.]+", " ", s.lower()).split())


def _nsn(raw: str) -> str | None:
    import phonenumbers

    for region in ("GB", "US"):
        try:
            n = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if len(str(n.national_number)) >= 9:
            return str(n.national_number)
    return None


def _domain(s: str) -> str:
    s = s.lower().strip()
    s = re.sub(r"^[a-z]+://", "", s).split("/")[0].split("?")[0]
    s = s.rsplit("@", 1)[-1]
    return s[4:] if s.startswith("www.") else s


@lru_cache(maxsize=64)
def make_allow(phones: tuple[str, ...] = (), emails_or_sites: tuple[str, ...] = (), texts: tuple[str, ...] = (),
               people: tuple[str, ...] = ()) -> Allow:
    _titles = {"dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "nurse"}
    return Allow(
        phones=frozenset(n for n in (_nsn(p) for p in phones if p) if n),
        domains=frozenset(_domain(e) for e in emails_or_sites if e),
        text=" | ".join(_norm(t) for t in texts if t),
        people=tuple(frozenset(_norm(p).split()) - _titles for p in people if p),
    )


# ---- identifier patterns ----------------------------------------------------------------------------

_SEP = r"[\s:#.\-]*"
# An identifier, perhaps written in groups of capitals and digits ("XKB 7731 0042").
_GROUPS = r"(?: (?=[A-Za-z\d]*\d)[A-Za-z\d]{3,8})"
_VALUE = rf"((?-i:[A-Z\d]{{2,4}}){_GROUPS}{{1,3}}|[A-Za-z0-9][A-Za-z0-9/\-]{{2,22}}[A-Za-z0-9])"


def _labelled(labels: str) -> re.Pattern[str]:
    return lazy(rf"\b(?:{labels})(?:\s+(?:is|was|number|no\.?|#|code))?{_SEP}{_VALUE}(?![A-Za-z0-9])", re.I)


_LABELLED: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("mrn", _labelled(r"MRN|medical record(?:s)?(?: number| no\.?| #)?|med(?:ical)? rec(?:ord)?(?: no\.?| #| number)"
                      r"|patient (?:ID|number|no\.?|#|ref(?:erence)?)|hospital (?:number|no\.?|#|ID)"
                      r"|chart (?:number|no\.?|#)?|unit number|case (?:number|no\.?|#)|(?:patient )?record(?: number| no\.?| #| ID)?"
                      r"|(?:clinic|GUM) (?:no\.?|#)"),
     "medical record number label"),
    ("health_plan_id", _labelled(
        r"member(?:ship)? (?:ID|number|no\.?|#)|subscriber (?:ID|number|no\.?|#)|policy (?:ID|number|no\.?|#)"
        # a private health insurer's name before the number: "Bupa membership 78423196", "AXA PPP policy 12-44871"
        r"|(?:Bupa|AXA(?: PPP| Health)?|Aviva|Vitality(?:Health)?|WPA|Simplyhealth|Cigna|Aetna|Humana|Anthem|UnitedHealthcare"
        r"|Kaiser(?: Permanente)?|Blue Cross(?: Blue Shield)?|BCBS|Healix|Benenden)(?: health)?"
        r"(?: member(?:ship)?| policy| scheme| plan)?(?: ID| number| no\.?| #)?"
        r"|insurance (?:ID|number|no\.?|#)|plan (?:ID|number|#)|group (?:number|no\.?|#)"
        r"|(?:medicaid|medicare)(?: (?:recipient|member|beneficiary|client|case))?(?: ID| number| no\.?| #)?"
        r"|medicare(?: ID| number| #)?|MBI|beneficiary (?:ID|number)|health plan (?:ID|number)"
        # state Medicaid programmes by name
        r"|(?:MassHealth|Medi-?Cal|TennCare|SoonerCare|BadgerCare|MaineCare|HUSKY|Apple Health|NJ FamilyCare|MinnesotaCare"
        r"|Healthy Louisiana|Texas Medicaid|Florida Medicaid|Georgia Medicaid|Med-?QUEST|KanCare|PeachCare|MO HealthNet"
        r"|Healthy Connections|Healthy Michigan|Denali KidCare|ARKids|Centennial Care|AHCCCS|CHIP|Oregon Health Plan"
        r"|Medical Assistance)(?: ID| number| #| card)?|MA (?:ID|number|#)"),
     "health plan label"),
    ("account", _labelled(r"account(?: number| no\.?| #)?|acct\.?(?: no\.?| #)?|a/c(?: no\.?)?|sort code"
                          r"|billing (?:ID|number)|invoice(?: number| no\.?| #)?"), "account label"),
    ("license", _labelled(r"(?:driver'?s |driving )?licen[cs]e(?: number| no\.?| #)?|DL(?: number| no\.?| #)?"
                          r"|passport(?: number| no\.?| #)?|certificate(?: number| no\.?| #)|DEA(?: number| no\.?| #)?"
                          r"|permit (?:number|no\.?|#)"), "licence or certificate label"),
    ("vehicle", _labelled(r"VIN|(?:number |licen[cs]e |car )?plate|(?:car |vehicle )?reg(?:istration)?(?: number| plate| no\.?)?"),
     "vehicle identifier label"),
    ("device", _labelled(r"(?:device |implant |pump |pacemaker )?serial(?: number| no\.?| #)?|S/N|SN|UDI|lot (?:number|no\.?|#)"
                         r"|device (?:ID|number)|IMEI|implant (?:ID|number)"), "device identifier label"),
    ("other_id", _labelled(r"(?:booking|appointment|claim|reference|ref|confirmation|referral|ticket|file"
                           r"|client|customer|user|visit|donor|employee|staff|payroll|badge|requisition|lab order)(?: ID| number| no\.?| #| code)?"
                           # the code that opens a patient's home: "Gate code for Mr. Ortega is 4417#"
                           r"|(?:gate|door|key ?safe|lock ?box|entry) code(?:\s+for\s+\S+(?:\s+\S+)?)?"
                           # a prescription, only with its number word: "Rx no. RX-2209-4471" (an order number is as often the practice's own)
                           r"|(?:rx|prescription|script)(?: ID| number| no\.?| #)|tracking(?: ID| number| no\.?| #)?"
                           r"|ID"), "identifier label"),
)
# An order number is a person's only where the sentence names them ("Order #LS-558203 for Chiamaka Eze"); a
# practice's own orders carry them too ("Order #A1023 for office supplies").
_ORDER_LABELLED = _labelled(r"order")
# A number the practice itself holds: "The clinic's license number", "our registration no."
_PRACTICE_OWNS = lazy(r"(?:\b(?:clinic|practice|pharmacy|facility|surgery|hospital|office)['’]s|\bour)\s+(?:\w+\s+)?$",
                            re.I)
# A reference with a word of five letters or more in it ("CAMPAIGN-2025-Q1", "SPRING25") names a campaign or
# an offer, not a person's record.
_CODE_WORD = lazy(r"[A-Za-z]{5}")
_NHS_CONTEXT = lazy(r"\b(?:NHS|CHI|health and care|H ?& ?C)(?: number| no\.?| #)?(?:\s+(?:is|was))?\W{0,3}$", re.I)
_NPI_CONTEXT = lazy(r"\bNPI(?: number| no\.?| #)?\W{0,3}$", re.I)
_SSN_WORD = lazy(r"\b(?:SSN|SS#|social security)", re.I)
# The last four digits of someone's SSN, which still single them out: "SSN ends in 6612", "last 4 of SSN: 6612".
_SSN_LAST4 = lazy(r"\b(?:(?:SSN|social security(?: number)?)\s+(?:(?:ends?|ending)(?: (?:in|with))?|last (?:four|4)(?: digits)?)"
                        r"|last (?:four|4)(?: digits)? of (?:his |her |their |your |the |my )?(?:SSN|social security(?: number)?))"
                        r"(?:\s+(?:is|are))?\W{0,3}(\d{4})\b", re.I)
_SSN_CONTEXT = lazy(r"\b(?:SSN|SS#|social security(?: number| no\.?| #)?|SS no\.?)(?:\s+(?:is|was))?\W{0,3}$", re.I)
# Patterns that open with a character class and then look back for what must precede it ("(?<![\d-])\d" as
# "\d(?<![\d-]\d)", "\b[A-Z]" as "[A-Z](?<!\w.)"): the same matches, but `re` skips ahead in C to the next
# character of the class instead of trying every position.
_NOT_AFTER_DIGIT = r"(?<![\d-]\d)"  # after a first digit: none before it
_TEN = lazy(rf"(\d{_NOT_AFTER_DIGIT}\d{{2}})([ -]?)(\d{{3}})\2(\d{{4}})(?![\d-])")
_SSN = lazy(rf"(\d{_NOT_AFTER_DIGIT}\d{{2}})([- ])(\d{{2}})\2(\d{{4}})(?![\d-])")
_NINE = lazy(rf"(\d{_NOT_AFTER_DIGIT}\d{{2}})(\d{{2}})(\d{{4}})(?![\d-])")
_NI = lazy(rf"[A-CEGHJ-PR-TW-Z]{_WORD_START}(?!(?<=B)G|(?<=G)B|(?<=K)N|(?<=N)K|(?<=N)T|(?<=T)N|(?<=Z)Z)"
                 r"[A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
_NI_LABELLED = lazy(r"\b(?:national insurance|NI|NINO)(?: number| no\.?| #)?(?:\s+(?:is|was))?\W{0,3}"
                          r"([A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]?)\b", re.I)
_MBI = lazy(rf"[1-9]{_WORD_START}[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?"
                  r"[AC-HJKMNP-RT-Y]{2}\d{2}\b")
_CARD = lazy(rf"\d{_NOT_AFTER_DIGIT}[ -]?(?:\d[ -]?){{11,17}}\d(?![\d-])")
_IBAN = lazy(rf"[A-Z]{_WORD_START}[A-Z]\d{{2}}(?: ?[A-Z0-9]{{4}}){{2,7}}(?: ?[A-Z0-9]{{1,4}})?\b")
_DEA = lazy(rf"[A-Z]{_WORD_START}[A-Z9]\d{{7}}\b")
_VIN = lazy(rf"[A-HJ-NPR-Z0-9]{_WORD_START}[A-HJ-NPR-Z0-9]{{16}}\b")
# UK plates (AB12 CDE, A123 BCD) and US ones (7ABC123, ABC-1234, ABC 123): read as a vehicle's only in a
# sentence about a car, parking or a vehicle.
_PLATE = lazy(rf"[A-Z]{_WORD_START}(?:[A-Z]\d{{2}} ?[A-Z]{{3}}|\d{{1,3}} ?[A-Z]{{3}}|[A-Z]{{2}}[- ]?\d{{3,4}})\b"
                    rf"|\d{_WORD_START}[A-Z]{{3}}\d{{3}}\b")
# A plate after its label, written in two parts, with a US state before it or not: "plate IL 7K3 229".
_PLATE_LABELLED = lazy(r"\b(?i:(?:licen[cs]e |number |car )?plate)(?i: number| no\.?| #)?\W{0,3}"
                             r"((?:[A-Z]{2}\s)?(?=[A-Z0-9 -]*\d)[A-Z0-9]{1,4}[ -][A-Z0-9]{2,4})\b")
_VEHICLE_WORDS = lazy(r"\b(?:car|cars|vehicle|van|plate|reg|registration|parked|parking|car park|bay|driver|drove|"
                            r"motorbike|scooter|truck|taxi|DVLA|DMV)\b", re.I)
_UDI = lazy(r"\(01\)\d{14}(?:\(\d{2}\)[A-Za-z0-9]+)*")
_EMAIL = lazy(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# A web address: with a scheme or www, or a host with any top-level domain followed by a path ("portal.example/
# profile?id=51", "myclinic.care/p/123"): the path is what makes a dotted word an address. The host can only
# be read where a slash follows a dotted word, so it is looked for only in text holding a slash.
_URL = lazy(r"\b(?:https?://|www\.)[^\s<>\"')\]]+|\b(?:[a-z0-9-]+\.)+(?:com|co\.uk|org|net|io|uk|us|me|health)"
                  r"/[^\s<>\"')\]]*", re.I)
_URL_ANY_HOST = lazy(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,24}/[^\s<>\"')\]]*", re.I)
# The part of a personal URL that carries a record: an id in the query or a numbered patient, user or record path.
_RECORD_PATH_RE = (r"[?&](?:patient(?:_?id)?|pid|mrn|dob|uid|user(?:_?id)?|id|profile(?:_?id)?)="
                   r"|/(?:patients?|p|u|users?|profiles?|members?|records?|charts?|clients?|accounts?)/[A-Za-z]{0,4}\d{3,}")
_RECORD_PATH = lazy(_RECORD_PATH_RE, re.I)
_PERSONAL_URL = lazy(
    r"(?:facebook\.com|fb\.com|instagram\.com|tiktok\.com/@|twitter\.com|x\.com|linkedin\.com/in|youtube\.com/@"
    r"|threads\.net/@|snapchat\.com/add|reddit\.com/u(?:ser)?/|pinterest\.[a-z.]+/)[/\w.@-]*\w"
    r"|[?&](?:name|first_?name|last_?name|email|phone)=|" + _RECORD_PATH_RE, re.I)
_IPV4 = lazy(r"\d(?<![\d.]\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?!\.?\d)")
_TWO_COLONS = lazy(r":[0-9A-Fa-f]{0,4}:")  # what every IPv6 address holds
_IPV6 = before(_TWO_COLONS, lazy(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])"))
_DIGIT_RUN = lazy(r"\d(?:[\s().\-]{0,3}\d){6,}")

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# A month after its first letter, which the date pattern has already read.
_MONTH_REST = (r"(?:(?<=J)an(?:uary)?|(?<=F)eb(?:ruary)?|(?<=M)ar(?:ch)?|(?<=A)pr(?:il)?|(?<=M)ay|(?<=J)une?|(?<=J)uly?"
               r"|(?<=A)ug(?:ust)?|(?<=S)ept?(?:ember)?|(?<=O)ct(?:ober)?|(?<=N)ov(?:ember)?|(?<=D)ec(?:ember)?)")
# 12/03/1948, 1948-03-12, 12/3, 12th of March 1948, March 12th, 1948: a digit or a month's first letter that
# opens a word, then the rest of one of these forms.
_NUMERIC_DATES = (r"(?<=\d)\d?[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|(?:(?<=1)9|(?<=2)0)\d{2}-\d{2}-\d{2}"
                  # day and month alone: "15/12", "3/8"; with dots both in two digits ("12.09"), since "1.1" and
                  # "7.4" are a lab value or a decimal far more often
                  r"|(?<=\d)\d?/\d{1,2}|(?<=\d)\d\.\d{2}")
_NOT_A_DOSE_OR_TIME = r"\b(?!\s*(?:%|mg|ml|am|pm))"
_DATE = lazy(
    rf"[\dJFMASOND]{_WORD_START}(?:{_NUMERIC_DATES}|(?<=\d)\d?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|{_MONTH_REST}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?|{_MONTH_REST}\.?,?\s+(?:19|20)\d{{2}})"
    rf"{_NOT_A_DOSE_OR_TIME}", re.I)
# The same on a text that names no month: only the numeric forms can match there, and a pattern that opens
# with a digit alone is searched for far faster.
_MONTH_NAME = lazy(_MONTH, re.I)
_MONTH_AND_YEAR = lazy(rf"{_MONTH}\.?,?\s+(?:19|20)\d{{2}}", re.I)
_NUMERIC_DATE = lazy(rf"\d{_WORD_START}(?:{_NUMERIC_DATES}){_NOT_A_DOSE_OR_TIME}", re.I)
_DATE_STRONG = lazy(
    r"\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?|birthday|b\.|admitted|admission|discharged|discharge|died"
    r"|passed away|date of death|DOD|deceased)\b", re.I)
# A lab value or reading of the reader's: "your potassium was high", "your A1c is down" (not "check if your
# cholesterol is high").
_LAB_VALUE = (r"(?:potassium|sodium|phosph(?:ate|orus)|calcium|iron|ferritin|cholesterol|blood sugars?|glucose|sugars?"
              r"|a1c|hba1c|creatinine|egfr|kidney function|liver function|thyroid|tsh|vitamin d|b12|ha?emoglobin|platelets"
              r"|white (?:blood )?cell count|psa|inr|blood pressure|bp|heart rate|oxygen|sats|bmi|albumin|kt/v|fluid gain)"
              r"(?: levels?| readings?| results?| numbers?| count)?")
_DATE_PERSONAL = lazy(
    r"\b(?:(?:(?i:your|his|her|their)|[A-Z][a-z]+['’]s)\s+(?:[\w-]+\s+){0,2}(?:appointment|appt|visit|procedure|surgery"
    r"|operation|scan|consultation|treatment|test|review|follow-?up|check-?up|injection|jab|session|results?|labs?"
    r"|lab work|bloodwork|blood work|x-?rays?|prescriptions?|medications?|refills?|deliver(?:y|ies)|doses?|samples?"
    r"|specimens?|orders?|collections?|pills?|tablets|meds|falls?|exams?|examination|chemo\w*|dialysis|radiotherapy"
    r"|infusions?|transfusions?|audiograms?|mammograms?|ecgs?|ekgs?|mri|ultrasound|biopsy|"
    rf"{_LAB_VALUE}"
    r"|(?:hearing )?aids?|dentures?|retainers?|glasses|inhalers?|(?:blister |dosette |medication |meds )?(?:packs|boxes))"
    r"|(?:(?i:your|his|her|their)|[A-Z][a-z]+['’]s)\s+(?:[\w-]+\s+){0,3}(?:is |are |was )?(?:booked|scheduled|due|confirmed)"
    r"|(?:given|supplied|dispensed|issued|handed) to (?=[A-Z])|tested (?:positive|negative)"
    r"|(?:seen|treated|operated on|came in|came to us|first came|joined us|visited us|diagnosed|fitted|vaccinated|attended"
    r"|sober|clean|start of care|start of service"
    r"|lived with|living with|back (?:home )?from|home from|returned from|moved in|went (?:in)?to hospital|arrived"
    r"|was born|were born)"
    r"|\b(?:he|she|they|[A-Z][a-z]+) (?:was|were|had|came|visited|got|hit|reached|delivered|gave birth)"
    r"|\b(?i:he|she)(?:['’]ll| will) (?:need|be in|come in|arrive|visit)\w*"
    # One person's booking, told without naming them: "Booked: 19/9", "Confirmed for Wednesday, August 25",
    # "Thanks for coming in on 3/8", "See you Friday 14 May!", "check-up due 28 Jun".
    r"|(?i:booked(?: in)?(?: for)?|confirmed for|appointment(?: update| reminder| change)?(?=:)|appt(?=:)|coming in"
    r"|reschedul\w*|rebook\w*|moved to|arrive (?:\w+ ){0,3}(?:early|on|by)|still make|make it on"
    r"|missed you|see you|thanks for coming|(?:see |in )?(?:the )?notes (?:from|of)"
    r"|(?:consult|consultation|appointment|appt|surgery|procedure|visit|op) (?:is |was )?(?:set|booked|scheduled|moved|confirmed) for)"
    r"|(?i:check-?up|recall|cleaning|filling|hygiene visit|review|follow-?up)s? (?:is |are )?(?:due|booked|confirmed))\b")
# A named person's first visit or treatment, before a month and a year: "When Jolene came to us in August 2025".
_CARE_BEFORE_MONTH = lazy(
    r"\b(?:[A-Z][a-z]+|she|he) (?:came to us|first came|joined us|started (?:with us|treatment)|was (?:seen|treated"
    r"|diagnosed|admitted|referred)|had (?:her|his) \w+)\s+(?:in|on|back in)\s+$")
# An invitation's window: "book your flu jab from 1 October", "get your check-up before 30 June".
_DATE_INVITE = lazy(
    r"\b(?:book|get|have|grab|claim|arrange)\s+your\s+(?:[\w-]+\s+){1,3}(?:from|before|by|until|after|between)\s+$", re.I)
# A date between whose it is and what it dates: "after her Jan 9 dose increase".
_POSSESSIVE_BEFORE = lazy(r"\b(?i:your|his|her|their)\s+$")
_CARE_NOUN_AFTER = lazy(r"\s+(?:dose|visit|appointment|appt|session|scan|surgery|procedure|injection|infusion|check-?in"
                        r"|follow-?up|consult\w*|results?|labs?|bloods|weigh-?in)\b", re.I)
# A date followed by whose care it is: "Is 5/10 still good for your filling?"
_DATE_PERSONAL_AFTER = lazy(
    r"\W{0,3}(?:\w+\W+){0,4}?(?:for|with|of) (?:your|his|her|their) (?:\w+ ){0,2}(?:appointment|appt|visit|procedure"
    r"|surgery|operation|scan|consultation|treatment|test|review|follow-?up|check-?up|injection|jab|session|filling"
    r"|crown|implant|extraction|cleaning|fitting)\b", re.I)
# What makes a sentence about one reader's own care: they are spoken to, and the sentence names a visit,
# a booking or a treatment. An offer's window or an invitation makes a date everyone's.
_YOU_WORD = lazy(r"\b(?:you|your|you're|you've)\b", re.I)
_CARE_WORD = lazy(
    r"\b(?:appointment|appt|visit(?:ing|s|ed)?|session|check(?:-?up)?|review|follow-?up|fitting|fit|scan|x-?ray|consult\w*"
    r"|assessment|treatment|cleaning|filling|crown|implant|denture|retainer|massage|physio\w*|hygien\w*|jab"
    r"|vaccin\w*|injection|test|results?|surgery|operation|procedure|post-?op|booked|booking|cancellation"
    r"|rebook\w*|reschedul\w*|move|moving|moved|arrive|seeing you|see you|down for|missed|labs?|touch-?up|top-?up"
    r"|injur\w*|incident|accident|light duty|off work|return to work|cleared to return"
    r"|start date|pick(?:ing)? up|pickup|transport|work-?up|evaluation|deliver(?:y|ies|ed)?|renewal|recertification)\b", re.I)
# ("visiting from Leeds on Sat 22nd": a date after "on" or "at" is a day, not the window's end.)
_WINDOW_BEFORE = lazy(r"\b(?:from|before|by|until|till|since|between|every|each|starting|ends?|ending"
                            r"|deadline|runs?|open|opens|closed|during|through)\b\W*(?:(?!(?:on|at)\b)\w+\W+){0,2}$", re.I)
# Moving one person's booking: "Can you move Rusty Hargrove from the 14th to Friday?" ("from" is no offer window).
# A date that names a visit ("a balance from the 2/4 visit") is that visit's day, not a window's end either.
_VISIT_AFTER = lazy(r"\s+(?:visit|appointment|appt|session|cleaning|check-?up|consult\w*|procedure|surgery|x-?rays?"
                    r"|scan|follow-?up|fitting|filling|extraction)\b", re.I)
_REBOOKING = lazy(r"\b(?:move|moving|moved|reschedul\w*|rebook\w*|swap|switch|push|bring)\b", re.I)
_INVITATION_OPENING = lazy(r"(?:book|join|visit|come|pop|walk|grab|claim|get|try|don't miss|sign up)\b", re.I)
# A holiday that fixes a day of the year: a birth or visit on it dates a person ("arrived on Christmas Eve").
_HOLIDAY_DATE = lazy(r"\b(?:Christmas (?:Eve|Day)|Boxing Day|New Year['’]s (?:Eve|Day)|Valentine['’]s Day|Hallowe['’]?en"
                     r"|Bonfire Night|St\.? Patrick['’]s Day|Independence Day|the Fourth of July)\b")
# Transport to one named person's care, or a delivery to them: "transport will collect you at 10am on Thursday",
# "Dosette box for Granny Nessa goes out with the driver on Friday" (read only before a weekday,
# where the sentence names the person: a minibus offered to everyone is no one's date).
_TRANSPORT_BEFORE = lazy(r"\b(?:(?:collect|pick up|drive|take|bring) (?:you|him|her|them)|goes out with the driver"
                         r"|(?:out|goes) for delivery|deliver(?:ed|ing)? to)\b", re.I)
# A date written in Spanish, as US practices write to families: "el martes 14 de enero", "antes del viernes".
_SPANISH_DATE = lazy(r"\b(?:(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)(?:\s+\d{1,2})?"
                     r"(?:\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
                     r"|noviembre|diciembre))?|\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto"
                     r"|septiembre|setiembre|octubre|noviembre|diciembre))\b", re.I)
# Said to the person the message names: "Thank you for coming in on Saturday, Jerome".
_SPOKEN_TO = lazy(r"\b(?i:thanks? (?:you )?for (?:coming|visiting|seeing)|coming in|missed you|see you|seeing you)\b")
# A weekday alone, after "on", "next", "this" or "last": a day of one person's care only where the sentence says so.
_WEEKDAY_ON = lazy(r"\b(?:on|next|this|last|missed) (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Tues?|Wed|Thur?s?|Fri|Sat)\b(?!,? \d| the \d)")
# A weekday that names a visit or a start: "before her Thursday visit", "starting the program Monday".
_WEEKDAY_OF_CARE = lazy(r"\b(?i:your|his|her|their) ((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?= (?:visit|appointment|appt|session|call|treatment|run|dialysis"
                        r"|check-?in|dose|injection|infusion|follow-?up|consult\w*|scan|surgery|procedure)\b)"
                        r"|\b(?i:start(?:s|ing)?|begin(?:s|ning)?)(?: (?:the|her|his|their|your) \w+)? ((?:Mon|Tues|Wednes|Thurs|Fri"
                        r"|Satur|Sun)day)\b")
# A weekday and the day of the month, no month: "she'll need a bay on Friday 20th".
# Every match holds a day number with its suffix, which the literal index looks for ("11th" holds "1th").
_ORDINAL_SUFFIXES = ("1st", "2nd", "3rd", "0th", "1th", "2th", "3th", "4th", "5th", "6th", "7th", "8th", "9th")
_WEEKDAY_ORDINAL = requiring(_ORDINAL_SUFFIXES, lazy(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? (?:the )?\d{1,2}(?:st|nd|rd|th)\b"
    r"(?!\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", re.I))
# A day of the month told by its ordinal alone: "on the 3rd", "for the 22nd".
_ORDINAL_DAY = lazy(r"\bthe \d{1,2}(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))")
_POSTCODE_RE = r"(?:GIR ?0AA|[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?) ?\d[ABD-HJLNP-UW-Z]{2})"
_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND"
           "|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC")
# A street address after its house number: "[A-Z]?, Street Name Road, Town, POSTCODE".
_AFTER_NUMBER = (
    rf"[A-Za-z]?,?\s+(?:(?:[A-Z][A-Za-z'’-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{0,3}}{_STREET_SUFFIX}\b\.?"
    rf"(?:,?\s+(?:Apt|Suite|Unit|Flat)\.?\s*\w+)?"
    rf"(?:,\s*(?!{_POSTCODE_RE}\b|(?:{_STATES})\b)[A-Z][A-Za-z'’.-]+(?:\s+(?!{_POSTCODE_RE}\b)[A-Z][a-z'’.-]+){{0,2}}){{0,2}}"
    rf"(?:,?\s+(?:(?:{_STATES})\s+\d{{5}}(?:-\d{{4}})?|{_POSTCODE_RE}))?\b")
# "14 High Street…", "Flat 2, 14 High Street…" or "PO Box 12", each opening a word with its first character.
_ADDRESS = before(lazy(r"\d"), lazy(  # a house, flat or PO box number
    rf"[\dFAUSP]{_WORD_START}(?:(?<=\d)\d{{0,4}}{_AFTER_NUMBER}"
    rf"|(?:(?<=F)lat|(?<=A)pt|(?<=A)partment|(?<=U)nit|(?<=S)uite|(?<=S)te)\.?\s*\d+[A-Za-z]?,?\s+\b\d{{1,5}}{_AFTER_NUMBER}"
    # a flat and a house number make an address before any street suffix: "Flat 4b, 22 Peckham Rye"
    rf"|(?:(?<=F)lat|(?<=A)pt|(?<=A)partment)\.?\s*\d+[A-Za-z]?,\s+\d{{1,5}}[A-Za-z]?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{0,2}}"
    rf"|(?<=P)\.?\s?O\.?\s?Box\s+\d+\b)"))
_POSTCODE = lazy(rf"[A-PR-UWYZ]{_WORD_START}(?:(?<=G)IR ?0AA|(?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?) ?\d"
                       r"[ABD-HJLNP-UW-Z]{2})\b")
# A US plate written after its state's code ("IL CX 48213"), read only in a sentence about a vehicle.
_STATE_PLATE = lazy(rf"\b(?:{_STATES}) (?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z][A-Z0-9 -]*\b)[A-Z0-9]{{1,4}}[ -]?[A-Z0-9]{{2,5}}\b")
# A ZIP after a state or a ZIP label, in ZIP+4 form, or where a person lives ("lives alone in 85339").
_ZIP = lazy(rf"(?:\b(?:{_STATES}),?\s+|\b(?i:ZIP)(?:\s?(?i:code))?(?:\s+(?:is|was))?:?\s*"
            r"|(?P<lives>(?<!who )(?<!you )\b(?i:lives|living|resides|residing|home is)(?: \w+)? (?i:in|at) )"
            r"|(?P<after_name>(?<=[a-z]) \((?=\d{5}\))))"
            rf"(?P<zip>\d{{5}}(?:-\d{{4}})?)\b|\b\d{{5}}-\d{{4}}\b")

_CONDITION_WORDS = (r"(?:retainers?|braces|aligners?|dentures?|hearing aids?|diabet\w*|asthma|copd|hiv|cancer|heart|blood pressure|hypertension|cholesterol|thyroid|kidney"
                    r"|mental health|depression|anxiety|pregnancy|antenatal|maternity|fertility|ivf|sexual health|sti"
                    r"|smear|cervical|breast|prostate|bowel|dementia|memory|epilepsy|arthritis|weight|obesity"
                    r"|addiction|methadone|substance|dialysis|chemo\w*|oncology|cardiology|physio\w*|therapy|counselling"
                    r"|long-term condition|chronic \w+|hepatitis|covid|flu|vaccin\w*|immunis\w*|baby|newborn"
                    r"|hrt|hormone|menopaus\w*|perimenopaus\w*|contracept\w*|coil|implant|(?-i:PrEP|PEP)"
                    r"|anatomy|dating|nuchal|growth|glucose|prenatal|postnatal|postpartum)")
_WHEN = r"recent|latest|upcoming|annual|overdue|next|repeat"  # which of a reader's tests or visits
_RECIPIENT = lazy(
    rf"your(?<!\wyour) (?!free )(?:(?:son|daughter|child|baby|little one|husband|wife|partner|mum|mom|dad)['’]s )?"
    rf"(?:(?:{_WHEN}|yearly|last|positive|negative|abnormal) )*"
    rf"(?:(?:{_CONDITION_WORDS}(?: eye| foot| kidney| heart| lung| blood)?|(?:[\w-]+ ){{0,2}}?{HEALTH_TERMS}) (?:review|check(?:-?up)?|exam|examination|appointment|visit|clinic|results?|medication|meds|medicines?|tablets|pills|inhalers?|prescription|treatment|aftercare|fitting|cleaning|repair|removal|insertion|touch-?up|top-?up"
    r"|screening|test|care plan|(?:exercise|rehab|recovery|home exercise) (?:plan|programme|program)|injections?|follow-?up"
    r"|referral|consultation|session|scan|diagnosis|nurse|work-?up|evaluation)\b"
    rf"|(?:{_WHEN}|follow-?up) (?:scan|x-?ray|mri|ct scan|ultrasound|mammogram"
    r"|blood test|smear test|biopsy)\b"
    r"|(?:blood |lab |urine |stool |swab |smear |biopsy |scan |x-ray |mri |ct |hiv |sti |pregnancy |covid |genetic )?"
    r"(?:test )?results?\b(?! (?:may|might|could|will) vary)|diagnosis|biopsy|(?:repeat )?prescriptions?(?= (?:is|are|for|of|has|have|was|will|came|needs?)\b)"
    r"|(?:[\w-]+ )?refills?(?= (?:is|are|was|were|has|have|will|came|needs?)\b)"
    r"|medication review|treatment plan|care plan|referral (?:to|for|letter)|recovery from|stay (?:in|at) (?:the )?hospital"
    r"|(?:new|current|higher|lower|increased|reduced) (?:dose|dosage)"
    r"|egg (?:collection|retrieval)|embryo transfer|(?:frozen |fresh )?(?:embryo )?transfer|iui|icsi|insemination"
    r"|(?:chemo\w*|dialysis|ivf|rehab|detox|methadone) (?:session|appointment|cycle|programme|treatment)s?)", re.I)
# The reader's own body counts too ("Your ankle is healing nicely", "your knee is looking stronger").
_BODY_PARTS = (r"ankles?|knees?|hips?|shoulders?|back|neck|wrists?|elbows?|foot|feet|hamstrings?|achilles|calf|calves"
               r"|shins?|spine|jaw|scar|wound|stitches|incision|nose|lips|eyelids?|breasts?|tummy|abdomen|thighs|chin|drains?")
_READER_HEALTH = (rf"(?:[\w-]+ ){{0,2}}(?:{HEALTH_TERMS}|teeth|tooth|gums|shots?|injections?|infusions?|dressings?|INR|HbA1c|foot check|bloods|swabs?|bloodwork|{_BODY_PARTS})\w*"
                  r"(?: (?:checks?|tests?|reviews?|scans?|results?|levels?|readings?|treatment|therapy|plan|course))?")
# A state of the reader's own care: "since your ACL surgery", "your knee rehab is going well", "thanks for visiting
# about your sensitive teeth".
_RECIPIENT_STATE = lazy(
    rf"\b(?:since|visit(?:ing|ed)? us|visit(?:ing|ed)?|call(?:ing|ed)?(?: us)?|came in|coming in|contact(?:ing|ed) us) "
    rf"(?:about |for |regarding )?your {_READER_HEALTH}"
    rf"|\byour {_READER_HEALTH} (?:come out|come off|(?:are|is) (?:being )?removed|needs? (?:removing|checking|changing|repeating|redoing"
    r"|(?:a |an )?(?:check|look|review|scan|x-?ray)))\b"
    rf"|\byour {_READER_HEALTH} (?:is|are|was|were|has|have)(?: now| still| really)? (?:due|overdue|going|healing"
    r"|improving|booked|ready|back|coming along|progressing|scheduled|confirmed|looking|done|complete"
    r"|positive|negative|normal|abnormal|clear|inconclusive)\b"
    # a test of the reader's own that the practice is following up: "we tried to reach you about your recent test"
    r"|\b(?:about|regarding|following) your (?:recent|last|latest) (?:tests?|swabs?|bloods|blood tests?|screen|screening|scan"
    r"|check-?up|results?)\b"
    rf"|\bhow(?:['’]s| is| are)? your {_READER_HEALTH} (?:feeling|doing|healing|looking|settling|coming along)\b"
    rf"|\byour {_READER_HEALTH} (?:came|has come|have come) back (?:benign|clear|normal|negative|positive|abnormal|fine|ok)\b"
    rf"|\byour {_READER_HEALTH} (?:(?:has |have )?(?:held up|recovered|healed|coped|survived|arrived|come in)"
    r"|feels? (?:\w+ )?(?:better|stronger|fine|great|good))\b"
    rf"|(?<!\bif )(?<!whether )(?<!\bwhen )(?<!\bin case )\byour {_LAB_VALUE} (?:is|are|was|were|has been|have been|came back|looks?|looked|seems?)"
    r"(?: (?:a bit|a little|a touch|too|very|slightly|quite|still|back|now))* (?:high|low|raised|elevated|up|down|normal"
    r"|abnormal|borderline|better|worse|improving|stable|out of range|in range)\b", re.I)
# Sympathy for what the reader suffers says they suffer it: "we're sorry to hear about the allergy",
# "hope you're feeling better", "get well soon".
_SYMPATHY = requiring(("sorry", "feeling better", "get well"), lazy(
    r"\b(?:sorry to hear (?:about|of) (?:the|your) (?:[\w-]+ ){0,2}?[\w-]+|sorry (?:about|for) your (?:[\w-]+ ){0,2}?[\w-]+"
    r"|hope you(?:'re|’re| are) (?:feeling|getting) better|get well soon)\b", re.I))
# Before "your ...": an offer to book, not a fact about the reader ("book your Botox appointment today").
_OFFER_BEFORE = lazy(r"\b(?:book|schedule|arrange|make|request|get|reserve|claim|plan|start|choose|pick)\s+$", re.I)
# Every description of a photo, video or scan holds one of these words: the literal index rules most texts out.
_MEDIA = requiring(("photo", "pic", "image", "video", "footage", "selfie", "shot", "clip", "x-ray", "scan", "before",
                    "result", "tiktok", "reel", "vlog", "one of"), lazy(
    r"\b(?:before[- ](?:and|&|/)[- ]?after|before/after)\s+(?:photos?|pictures?|pics?|images?|shots?|videos?|selfies?)"
    r"(?=\s+(?:of|from|for)\s+(?:our |my |this |a |one of our )?(?:patients?|clients?|customers?|[A-Z][a-z]+|him|her|them)\b)"
    r"|\b(?:photos?|pictures?|pics?|images?|videos?|footage|selfies?)(?=\s+(?:of|from|with)\s+(?:our |my |this )?"
    r"(?:patients?|clients?|[A-Z][a-z]+ (?:during|after|before|in)\b))"
    r"|\b(?:patient|client)(?:['’]s)? (?:photos?|pictures?|images?|videos?|selfies?|x-rays?|scans?)\b"
    # a named patient's results from a cosmetic procedure, which a post shows: "Marlene's 6-week tummy tuck results"
    r"|(?<=['’]s )(?:\d+[- ](?:day|week|month)s?[- ])?(?:tummy tuck|bbl|lipo(?:suction)?|facelift|face lift|rhinoplasty|nose job"
    r"|breast (?:lift|augmentation|reduction)|boob job|mommy makeover|brachioplasty|blepharoplasty|eyelid surgery"
    r"|arm lift|thigh lift|neck lift|brow lift|lip lift|filler|botox) results\b"
    # a photo of someone's own body or condition: "a photo of his son's rash"
    r"|\b(?:photos?|pictures?|pics?|images?|videos?|selfies?)\s+of\s+(?:his|her|their|your|my)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:rash|rashes|wound|mole|lump|skin|eyes?|teeth|tooth|gums|throat|foot|feet|legs?|arms?|face|scar|burn|bite|swelling"
    r"|spots?|bruis\w+|ulcer|stitches)\b"
    r"|\b(?:recovery|progress|post-?op|post-?surgery|close-up(?: face)?|clinical|wound|healing|intra-?oral|smile makeover"
    r"|makeover|transformation|x-ray|before[- ](?:and|&)[- ]after|before/after)[- ]"
    r"(?:photos?|pics?|pictures?|images?|videos?|selfies?|shots?|footage|clips?|vlogs?|reels?|diar(?:y|ies))\b"
    # not the disclaimer under them: "Before-and-after photos shown with patient consent."
    r"(?!\s+(?:are\s+)?(?:shown|used|published|shared)\s+with\s+(?:the\s+)?(?:patients?['’]?s?\s+)?(?:written\s+)?"
    r"(?:consent|permission)|(?:\s+in\s+th(?:is|ese)\s+\w+)?\s+(?:are|show)\s+(?:of\s+)?(?:models|actors|stock|illustrative))"
    r"|\b(?:her|his|their|(?-i:[A-Z][a-z]+)['’]s) (?:before[- ](?:and|&)[- ]after[- ](?:photos?|pics?|pictures?|selfies?"
    r"|videos?|shots?)|(?:[\w-]+\s){0,2}?(?:photos?|pics?|pictures?|selfies?|videos?|x-rays?))\b"
    r"|\b(?-i:[A-Z][a-z]+)['’]s (?:before[- ](?:and|&)[- ]after|x-rays?|scans?|results)\b"
    # a before and after or a clip of someone's treatment: "the before & after of her lip filler", "Kemar's
    # TikTok of his laser session"
    r"|\bbefore\s*(?:&|and|/)\s*afters?\s+(?:of|from)\s+(?:her|his|their|(?-i:[A-Z][a-z]+)['’]s?)\b(?: [\w-]+){0,3}"
    r"|\b(?:tiktoks?|reels?|vlogs?|clips?|videos?)\s+of\s+(?:her|his|their)\s+(?:[\w-]+\s+){0,2}?(?:session|treatment|procedure"
    r"|appointment|visit|journey|results?)\b"
    # another picture of the same person, in a text that speaks of photos: "not the one of him in bed"
    r"|\b(?:the|that|this) (?:other )?one of (?:him|her|them)(?: (?:in|at|with|during|after|before|on) (?:\w+ ){0,2}?\w+)?\b", re.I))
# An id written just after a biometric: "face template FRT-77120", "voiceprint ID 55-0912".
_CODE_AFTER = lazy(r"\s+(?:(?i:id|no\.?|#)\s*)?(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,}\b")
_BIOMETRIC = lazy(
    r"\b(?:(?:his|her|their|your|[A-Z][a-z]+['’]s|patient(?:['’]s)?)\s+(?:\w+\s+)?"
    r"(?:finger ?prints?|voice ?prints?|voice (?:sample|recording)s?|retina(?:l)? scans?|iris scans?|face ?prints?"
    r"|facial (?:geometry|scan|recognition data)|palm ?prints?|(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!fifth )(?<!\dst )(?<!\dnd )(?<!\drd )(?<!\dth )"
    r"DNA(?: profile| sample| results?)?|genetic (?:profile|data))"
    r"|(?:finger ?prints?|voice ?prints?|voice recordings?|retina(?:l)? scans?|iris scans?|DNA (?:profile|sample)s?)"
    r"\s+(?:of|from)\s+(?:our )?(?:patients?|clients?|[A-Z][a-z]+))"
    r"|\b(?:palm[- ]?vein|finger ?print|iris|retina(?:l)?|face|facial(?: recognition)?|hand[- ]geometry|vein|gait)"
    r"[- ](?:scans?|templates?|data|samples?|records?|maps?)\b|\b(?:voice|face|palm) ?prints?\b", re.I)
# A name owning what follows it: at the start of a match ("Bogdan's voiceprint") or just before it ("Kalani's
# close-up photos").
_POSSESSOR = lazy(r"([A-ZÀ-ÖØ-Þ][\w-]+)['’]s\s+")
_POSSESSOR_BEFORE = lazy(r"\b([A-ZÀ-ÖØ-Þ][\w-]+)['’]s\s+$")
# A thank-you for a review, not for any message: "thanks for your message" opens one-to-one care messages too.
_REVIEW_OPEN = lazy(r"\b(?:thank(?:s| you) (?:so much )?for (?:(?:your|the|such) (?:[\w-]+ ){0,2}?(?:review|feedback|words"
                          r"|comments?|stars?|rating|recommendation|shout-?out)|leaving|taking)|sorry to hear|we(?:'re| are) "
                          r"(?:so )?sorry|we apologi[sz]e|glad (?:you|to hear)|responding to your (?:review|comment)"
                          r"|repl(?:y|ies|ying) to [^.!?:\n]{0,40}\breview|review repl(?:y|ies)\b)", re.I)
# The reader's relatives a review reply may speak of ("your dad", "your nan").
_RELATIVES = (r"(?:dad|mum|mom|father|mother|husband|wife|partner|nan|nana|gran|grandma|grandad|grandpa|son|daughter"
              r"|brother|sister|aunt|uncle)")
_REVIEW_CONFIRM = lazy(
    r"\b(?:your (?:(?:son|daughter|child|kids?|children|little one|baby|husband|wife|partner|mum|mom|dad|mother|father"
    r"|nan|gran|grandma|grandad)['’]s (?:first |recent |last )?)?(?:recent )?(?:visit|appointment|treatment|procedure|filling|crown|implant|extraction|root canal|session"
    r"|consultation|stay|surgery|operation|check-?up|cleaning|x-?rays?|records?|chart|notes|file|care|dentist|doctor"
    r"|physio\w*|therapist|prescription|medication|recovery|bill|insurance claim)\b"
    rf"|your (?:recent |last )?(?:\w+\s){{0,2}}?{HEALTH_TERMS}\b"
    r"|as your (?:dentist|doctor|gp|physio\w*|therapist|clinician|nurse|surgeon|provider|pharmacist)"
    r"|when you (?:came|were|visited)(?: in)?|we (?:have )?(?:reviewed|checked|looked at) your"
    r"|sorry (?:to hear |that )(?:that )?(?:the|your) [\w-]+ (?:wore off|did ?n[o']?t|was|were|went|hurt|took|felt|caused|left|has|had)\b"
    r"|(?:treated|treating|saw|seen|examined|looking after|caring for) you\b|you were (?:treated|seen|a patient)"
    # what the reviewer can do again since their care: "made up that you can hear the grandkids again"
    r"|\byou can (?:now |finally )?(?:hear|see|walk|sleep|eat|chew|smile|breathe|run|read|drive) (?:[\w'’-]+ ){0,3}?again\b"
    # care of the reviewer's relative: "we're honored we could care for your dad at home"
    rf"|(?:care|cared|caring|look(?:ed|ing)? after|treat(?:ed|ing)?|nurs(?:e|ed|ing)) (?:for )?your (?:{_RELATIVES}|family member)\b"
    r"|(?:trust(?:ing|ed)?|choos(?:ing|e)|chose) us (?:with|for) your [^.!?\n]+"
    # a treatment that helped the reviewer: "glad the ankle splint helped"
    r"|(?:the|your) (?:[\w'’-]+ ){0,2}?(?:splint|brace|boot|cast|dressing|cream|medication|medicine|injection|jab|stitches"
    r"|physio(?:therapy)?|exercises|inhaler|antibiotics|tablets) (?:has |have |had )?(?:really |so )?(?:helped|worked)"
    # a service the reviewer used has helped them: "we're glad the Tuesday women's group has helped"
    r"|(?:the|our|your) (?:[\w'’-]+ ){0,3}?(?:group|sessions?|program(?:me)?|treatment|therapy|counsel+ing|classes?|care"
    r"|clinic|team) (?:(?:has|have|had) (?:really |so |truly )?(?:helped|worked|made a (?:real |big )?difference)"
    r"|(?:is|are) (?:really |so |truly )?(?:working|helping)(?: for)? you)"
    # how the reviewer's (or their relative's) treatment turned out: "so glad your frozen transfer worked", "your
    # dad's fistula surgery went smoothly"
    r"|your (?:[\w'’-]+ ){0,2}?(?:transfer|treatment|cycle|procedure|surgery|operation|implants?|filling|crown|session|scan"
    r"|injection|jab|ivf|iui|birth|delivery|labou?r|vbac|c-section|caesarean|cesarean) (?:worked|went (?:so |really )?(?:well|smoothly)"
    r"|was (?:a )?success\w*|has worked)"
    # how the reviewer's or their child's condition turned out: "so glad Yusuf's ear infection cleared up"
    r"|(?:your|[A-Z]\w+['’]s) (?:[\w-]+ ){0,2}?[\w-]+ (?:has |have |had )?(?:finally |now |really )?(?:cleared(?: up)?|healed"
    r"|settled(?: down)?|gone away)\b"
    # how the reviewer's relative was cared for: "so glad your dad was comfortable in his last days"
    rf"|your {_RELATIVES} (?:was|is|has been|felt) (?:so |really |very )?(?:comfortable|well cared for|looked after"
    r"|at peace|peaceful|pain-free|settled)"
    # a clinician who brought the reviewer's condition under control: "glad Dr. Pham got your sugar under control"
    r"|(?:got|brought|kept|getting) your (?:[\w-]+ ){0,2}?[\w-]+ (?:back )?under control"
    # how the reviewer's condition is going: "so happy your melasma is finally clearing"
    r"|your (?:[\w-]+ ){1,2}?(?:is|are) (?:finally |now |really |already )?(?:clearing|healing|improving|fading|settling"
    r"|better|gone|under control)"
    # the reviewer's own recovery: "so proud you hit 18 months sober", "your first year clean"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|a) (?:full )?(?:days?|weeks?|months?|years?)"
    r" (?:sober|clean|of sobriety|smoke-free|alcohol-free|drug-free|in recovery)\b"
    # how the reviewer's child did at the visit: "so happy your daughter was brave for her first filling"
    # what the reviewer's child thinks of the result: "your daughter loves her new smile"
    r"|your (?:son|daughter|child|little one|boy|girl|kids?|children|twins|mum|mom|dad) (?:loves?|is loving|enjoys?) (?:her|his|their) "
    r"(?:new )?(?:smile|teeth|braces|glasses|hearing aids?|retainer)\b"
    r"|your (?:son|daughter|child|little one|boy|girl|kids?|children|twins) (?:was|were|did) (?:so |really |very |such )?"
    r"(?:brave|great|amazing|fantastic|well|a star|a superstar|a champ)\b"
    # how the reviewer's treatment felt: "so glad the root canal wasn't as sore as you feared"
    r"|(?:the|your) (?:[\w-]+ ){0,2}?(?:root canal|extraction|filling|crown|implant|injection|jab|scan|procedure|treatment"
    r"|surgery|operation|smear(?: test)?|check-?up|cleaning|scale and polish|x-?rays?|session|appointment|birth|delivery"
    r"|braces|wisdom tooth) (?:(?:was|were|is|are)(?:n['’]t| not)? (?:as |so |too |that |quite |really |very )?(?:sore|painful"
    r"|bad|uncomfortable|scary|daunting|quick|easy|smooth|straightforward|painless|gentle)|(?:did ?n['’]t|did not|didn['’]t)"
    r" (?:hurt|sting|ache|hurt (?:a bit|at all|much)))\b"
    # how the reviewer's treatment is going: "so pleased the new dose is suiting you"
    r"|(?:the|your) (?:[\w-]+ ){0,2}?(?:dose|doses|medication|medicine|treatment|prescription|hrt|patch|patches|gel"
    r"|tablets?|pills?|plan|aligners?|braces|implant|crown|filling|glasses|lenses|progressives|contacts|hearing aids?) (?:is|are"
    r"|has been|have been|was|were) (?:\w+ )?(?:(?:suiting|working|helping|agreeing with)(?: for)? you|working (?:so |really )?well))", re.I)


# ---- detection --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _service_types() -> frozenset[int]:
    from phonenumbers import PhoneNumberType as T

    return frozenset((T.TOLL_FREE, T.SHARED_COST, T.PREMIUM_RATE, T.UAN))


def _phones(text: str) -> list[Hit]:
    if not _DIGIT_RUN.search(text):
        return []
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberMatcher

    out: dict[tuple[int, int], Hit] = {}
    for region in ("GB", "US"):
        for m in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
            nsn = str(m.number.national_number)
            if len(nsn) < 9 or len(nsn) > 11 or (m.number.country_code == 1 and len(nsn) != 10):
                continue
            if re.fullmatch(r"\d{4}[-–]\d{4}|(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}|\d{3}-\d{2}-\d{4}|\d{5}-\d{4}", m.raw_string):
                continue  # a range of years, or an SSN's or a ZIP+4's shape (no phone number is written so)
            if re.search(r"[A-Za-z]+-$", text[max(0, m.start - 8):m.start]):
                continue  # the digits of a reference that opens with letters: "WC-2025-118204"
            if phonenumbers.number_type(m.number) in _service_types():
                continue  # freephone, shared-cost and national-rate lines belong to services, not patients
            before = text[max(0, m.start - 30):m.start]
            # a fax label just before, or a sentence whose last way of sending before the number is faxing:
            # "Fax the record ... to ...", "Please fax Luz's form to ..."
            sends = _SEND_WORD.findall(text, start_of(text, m.start), m.start)
            kind = "fax" if (re.search(r"\bfax\b", before, re.I) or (sends and sends[-1].lower().startswith("fax"))) else "phone"
            where = _written_as(m.raw_string)
            out.setdefault((m.start, m.end), Hit(m.start, m.end, kind, f"{where} {kind} number shape"))
    return list(out.values())


_SEND_WORD = lazy(r"\b(?:fax(?:ed|ing)?|call(?:ed|ing)?|phone|ring|text(?:ed|ing)?|tel|sms|whatsapp)\b", re.I)


def _written_as(raw: str) -> str:
    """Whose number a phone number is written as: a UK one opens with 0 or +44, a North American one with +1
    or an area code (never 0 or 1); `phonenumbers` parses either in either region."""
    digits = re.sub(r"\D", "", raw)
    if raw.lstrip().startswith("+"):
        return "UK" if digits.startswith("44") else "US" if digits.startswith("1") else "international"
    if digits.startswith("0"):
        return "UK"
    return "US" if len(digits) == 10 or (len(digits) == 11 and digits.startswith("1")) else "international"


def _ten_digit(text: str, folded: frozenset[str]) -> list[Hit]:
    out = []
    for m in scan(_TEN, text, folded):
        d = m.group(1) + m.group(3) + m.group(4)
        before = text[max(0, m.start() - 25):m.start()]
        if _NPI_CONTEXT.search(before):
            out.append(Hit(m.start(), m.end(), "npi", "provider NPI (not patient PHI)" if chk.npi(d)
                           else "NPI label (check digit does not match)"))
        elif _NHS_CONTEXT.search(before):
            out.append(Hit(m.start(), m.end(), "nhs_number", "NHS number label" + ("" if chk.nhs_number(d)
                                                                                  else " (check digit does not match)")))
        elif chk.nhs_number(d) and not d.startswith("0") and not _valid_phone(m.group(0)):
            out.append(Hit(m.start(), m.end(), "nhs_number", "10 digits with a valid NHS modulus-11 check digit"))
    return out


def _valid_phone(raw: str) -> bool:
    import phonenumbers

    for region in ("GB", "US"):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(raw, region)):
                return True
        except phonenumbers.NumberParseException:
            pass
    return False


def _numbers(text: str, folded: frozenset[str]) -> list[Hit]:
    out: list[Hit] = []
    for m in scan(_SSN, text, folded):
        if _SSN_CONTEXT.search(text[max(0, m.start() - 30):m.start()]):
            out.append(Hit(m.start(), m.end(), "ssn", "SSN shape after a Social Security label"))
        elif _SSN_WORD.search(text, start_of(text, m.start()), m.start()):
            out.append(Hit(m.start(), m.end(), "ssn", "SSN shape in a sentence about someone's Social Security number"))
        elif chk.ssn(m.group(1), m.group(3), m.group(4)):
            out.append(Hit(m.start(), m.end(), "ssn", "SSN shape (AAA-GG-SSSS) with an issuable area, group and serial"))
    for m in scan(_SSN_LAST4, text, folded):
        out.append(Hit(m.start(1), m.end(1), "ssn", "the last four digits of a Social Security number"))
    for m in scan(_NINE, text, folded):
        if _SSN_CONTEXT.search(text[max(0, m.start() - 25):m.start()]) and chk.ssn(*m.groups()):
            out.append(Hit(m.start(), m.end(), "ssn", "nine digits after an SSN label"))
    for m in scan(_NI, text, folded):
        out.append(Hit(m.start(), m.end(), "ni_number", "National Insurance number format"))
    for m in scan(_NI_LABELLED, text, folded):
        out.append(Hit(m.start(1), m.end(1), "ni_number", "National Insurance label followed by its format"))
    for m in scan(_MBI, text, folded):
        out.append(Hit(m.start(), m.end(), "health_plan_id", "Medicare Beneficiary Identifier format"))
    for m in scan(_CARD, text, folded):
        d = chk.digits(m.group(0))
        if 13 <= len(d) <= 19 and d[0] in "3456" and chk.luhn(d):
            out.append(Hit(m.start(), m.end(), "account", "card number passing the Luhn check"))
    for m in scan(_IBAN, text, folded):
        if chk.iban(m.group(0)):
            out.append(Hit(m.start(), m.end(), "account", "IBAN passing the mod-97 check"))
    for m in scan(_DEA, text, folded):
        if chk.dea(m.group(0)):
            out.append(Hit(m.start(), m.end(), "license", "DEA registration number with a valid check digit"))
    for m in scan(_VIN, text, folded):
        if chk.vin(m.group(0)):
            out.append(Hit(m.start(), m.end(), "vehicle", "vehicle identification number with a valid check digit"))
    for m in scan(_UDI, text, folded):
        out.append(Hit(m.start(), m.end(), "device", "GS1 device identifier (UDI)"))
    for m in [*scan(_PLATE, text, folded), *scan(_STATE_PLATE, text, folded)]:
        if _VEHICLE_WORDS.search(sentence_of(text, m.start(), m.end())):
            out.append(Hit(m.start(), m.end(), "vehicle", "number-plate format in a sentence about a vehicle"))
    for m in scan(_PLATE_LABELLED, text, folded):
        out.append(Hit(m.start(1), m.end(1), "vehicle", "number plate after a plate label"))
    if digit_count(text) < 2:  # every labelled identifier below holds two digits or more
        return out
    for kind, pattern, why in _LABELLED:
        for m in scan(pattern, text, folded):
            value = text[m.start(1):m.end(1)]
            if sum(ch.isdigit() for ch in value) >= 2 and len(value) >= 4 and not (
                    kind == "other_id" and _CODE_WORD.search(value)) and not _PRACTICE_OWNS.search(
                    text, max(0, m.start() - 24), m.start()):
                out.append(Hit(m.start(1), m.end(1), kind, f"{why} followed by an identifier"))
    return out


def _web(text: str, folded: frozenset[str], allow: Allow) -> list[Hit]:
    out = []
    for m in scan(_EMAIL, text, folded):
        if not _own_domain(m.group(0), allow):
            out.append(Hit(m.start(), m.end(), "email", "email address not on the practice's domain"))
    urls = list(scan(_URL, text, folded))
    if "/" in text:
        urls += [m for m in _URL_ANY_HOST.finditer(text) if not any(u.start() <= m.start() < u.end() for u in urls)]
    for m in urls:
        url = text[m.start():m.end()].rstrip(".,;:!?")
        if "@" in url.split("/")[0]:
            continue
        if _own_domain(url, allow):
            if not _RECORD_PATH.search(url):
                continue  # the practice's own site; a patient's page on it still identifies the patient
        elif _own_profile(url, allow):
            continue  # the practice's own social account: "instagram.com/cedarridgefm"
        if _PERSONAL_URL.search(url):
            out.append(Hit(m.start(), m.start() + len(url), "url", "URL of a personal profile or carrying personal data"))
    if "@" in text:
        for m in _HANDLE.finditer(text):
            handle = m.group(1)
            parts = [w for w in re.split(r"[._\d]+", handle) if w]
            if _own_profile(handle, allow):
                continue  # the practice's own account: "@lumenskin"
            if (sum(ch.isdigit() for ch in handle) >= 2 or any(w.capitalize() in all_first_names() for w in parts)
                    or _PERSON_HANDLE_BEFORE.search(text, max(0, m.start() - 30), m.start())):
                out.append(Hit(m.start(), m.end(), "other_id", "a person's social media handle"))
    for m in scan(_IPV4, text, folded):
        try:
            ipaddress.IPv4Address(m.group(0))
        except ValueError:
            continue
        out.append(Hit(m.start(), m.end(), "ip", "IPv4 address"))
    for m in scan(_IPV6, text, folded):
        if m.group(0).count(":") >= 2:
            try:
                ipaddress.IPv6Address(m.group(0))
            except ValueError:
                continue
            out.append(Hit(m.start(), m.end(), "ip", "IPv6 address"))
    return out


# A social media handle: "@jess.martinez92" (not an email address's domain).
_HANDLE = lazy(r"(?<![\w.@])@([A-Za-z0-9][A-Za-z0-9._]{2,29})(?<![.])")
# Words that make a handle a person's, whatever it spells: "She tagged us @hodan.sees.clearly", "DM from @..."
_PERSON_HANDLE_BEFORE = lazy(r"\b(?:tagged (?:us|me|you)|tag|tagging|mention|dm from|message from|repl(?:y|ied) to|(?:her|his|their) handle(?: is)?"
                             r"|she(?:'s| is)|he(?:'s| is))\s*:?\s*$", re.I)


def _own_profile(url: str, allow: Allow) -> bool:
    """A social profile whose handle is the practice's own: its web domain's name, or its name or sender id
    written as one word."""
    handle = re.sub(r"[^a-z0-9]", "", url.rstrip("/").rsplit("/", 1)[-1].lstrip("@").lower())
    own = {d.split(".")[0].replace("-", "") for d in allow.domains} | {re.sub(r"[^a-z0-9]", "", allow.text)}
    return bool(handle) and any(handle == o or (len(handle) >= 5 and handle in o) for o in own if o)


def _own_domain(s: str, allow: Allow) -> bool:
    d = _domain(s)
    return any(d == own or d.endswith("." + own) for own in allow.domains)


def _places(text: str, folded: frozenset[str]) -> list[Hit]:
    out = [Hit(m.start(), m.end(), "address", "street address") for m in scan(_ADDRESS, text, folded)]
    out += [Hit(m.start(), m.end(), "postcode", "full UK postcode") for m in scan(_POSTCODE, text, folded)]
    for m in scan(_ZIP, text, folded):
        s, e = m.span("zip") if m.group("zip") else m.span()
        where = ("where a person lives" if m.group("lives") else "in brackets after a person's name"
                 if m.group("after_name") else "after a state or ZIP label")
        out.append(Hit(s, e, "zip", f"US ZIP code {where}"))
    return out


def _shared_date(text: str, start: int) -> bool:
    """A date that is an offer's window or an invitation's ("from 1 October", "Book your flu jab on 3 October"):
    everyone's, not one reader's."""
    begin = start_of(text, start)
    before = text[max(begin, start - 60):start]
    return (_DATE_INVITE.search(before) is not None or _WINDOW_BEFORE.search(before) is not None
            or _INVITATION_OPENING.match(text[begin:start].lstrip()) is not None)


def _calendar_numbers(value: str) -> bool:
    """A date written in numbers alone reads as a day and a month one way round or the other (or year first)."""
    parts = re.split(r"[/.-]", value)
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return True  # a month named in words
    if len(parts[0]) == 4:
        parts = parts[1:]
        if len(parts) == 1:
            return 1 <= int(parts[0]) <= 12  # a year and a month ("2024-03")
    a, b = int(parts[0]), int(parts[1])
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


def _next_stop(text: str, pos: int) -> int:
    """Where the first full stop, question or exclamation mark or line break at or after `pos` stands (else the
    text's end)."""
    return min((i for i in (text.find(ch, pos) for ch in ".!?\n") if i != -1), default=len(text))


def _one_to_one_care(text: str, start: int, end: int, before: str, names: Sequence[Hit] = ()) -> bool:
    """A date in a sentence that speaks to one reader ("you", "your") or names someone (`names`: the name hits
    of `text`), about their own care or booking, and is neither an offer's window ("from", "until", "before")
    nor an invitation ("Book your flu jab on ...")."""
    begin = start_of(text, start)
    stop = _next_stop(text, end)
    sentence = text[begin:stop]
    someone = _YOU_WORD.search(sentence) is not None or any(begin <= h.start < stop for h in names)
    window = (_WINDOW_BEFORE.search(before) is not None and _REBOOKING.search(before) is None
              and _VISIT_AFTER.match(text, end) is None)
    return (someone and _CARE_WORD.search(sentence) is not None and not window
            and _INVITATION_OPENING.match(sentence.lstrip()) is None)


def _dates_and_ages(text: str, folded: frozenset[str], names: Sequence[Hit] = ()) -> list[Hit]:
    out = []
    names_a_month = not need_of(_MONTH_NAME).isdisjoint(folded)  # type: ignore[union-attr]
    for m in scan(_DATE if names_a_month else _NUMERIC_DATE, text, folded):
        if not _calendar_numbers(m.group(0)):
            continue  # "20/20 vision": no day and month read either way round
        before = text[max(start_of(text, m.start()), m.start() - 60):m.start()]
        after = text[m.end():m.end() + 25]
        if _DATE_STRONG.search(before) or re.match(r"\W{0,3}\(?(?:DOB|date of birth)", after, re.I):
            out.append(Hit(m.start(), m.end(), "date", "date next to a birth, admission, discharge or death word"))
        elif _MONTH_AND_YEAR.fullmatch(m.group(0)):
            if _CARE_BEFORE_MONTH.search(before):  # "When Jolene came to us in August 2025"
                out.append(Hit(m.start(), m.end(), "date", "month and year of a named person's care"))
            continue  # "In October 2008": otherwise a month and a year are a birth date's only beside a birth word
        elif _DATE_INVITE.search(before) or _INVITATION_OPENING.match(
                text[start_of(text, m.start()):m.start()].lstrip()):
            continue  # "Book your flu jab from 1 October", "Book your flu jab on 3 October": an offer's date
        elif (_DATE_PERSONAL.search(before) or _DATE_PERSONAL_AFTER.match(text, m.end())
              or (_POSSESSIVE_BEFORE.search(before) and _CARE_NOUN_AFTER.match(text, m.end()))):
            out.append(Hit(m.start(), m.end(), "date", "date of a named or addressed person's care"))
        elif _one_to_one_care(text, m.start(), m.end(), before, names):
            out.append(Hit(m.start(), m.end(), "date", "date in a sentence to or about one person's own care"))
    for m in scan(_HOLIDAY_DATE, text, folded):  # "twins Amara and Zain arrived on Christmas Eve"
        before = text[max(start_of(text, m.start()), m.start() - 60):m.start()]
        if _DATE_PERSONAL.search(before) or _DATE_STRONG.search(text, start_of(text, m.start()), m.start()):
            out.append(Hit(m.start(), m.end(), "date", "a holiday's date of a named person's birth or care"))
    for m in (scan(_WEEKDAY_ON, text, folded) if names else ()):  # "Luana had a reaction after her peel on Saturday"
        begin = start_of(text, m.start())
        before = text[max(begin, m.start() - 60):m.start()]
        stop = _next_stop(text, m.end())
        # "When you came in on Tuesday" is not enough; "Thank you for coming in on Saturday, Jerome" is
        named = any(begin <= h.start < m.start() for h in names) or (
            _SPOKEN_TO.search(before) is not None and any(m.end() <= h.start < stop for h in names))
        missed = m.group(0).startswith("missed ")  # "Ruaridh MacLeod, methadone supervised, missed Tues"
        if (named and (missed or _DATE_PERSONAL.search(before) or _TRANSPORT_BEFORE.search(before))
                and not _WEEKDAY_ORDINAL.match(text, m.start())):
            start = m.start() + m.group(0).index(" ") + 1 if m.group(0).startswith(("on ", "missed ")) else m.start()  # "on Sunday", "next Tuesday"
            out.append(Hit(start, m.end(), "date", "the weekday of a named person's care"))
    for m in (scan(_WEEKDAY_OF_CARE, text, folded) if names or _YOU_WORD.search(text) else ()):
        begin = start_of(text, m.start())
        if any(begin <= h.start < m.start() for h in names) or _YOU_WORD.search(text, begin, m.start()):
            g = 1 if m.group(1) else 2
            out.append(Hit(m.start(g), m.end(g), "date", "the weekday of a named or addressed person's visit or start"))
    for m in (scan(_SPANISH_DATE, text, folded) if names else ()):  # "la cita de Mateo es el martes 14 de enero"
        begin = start_of(text, m.start())
        stop = _next_stop(text, m.end())
        if any(begin <= h.start < stop for h in names):
            out.append(Hit(m.start(), m.end(), "date", "a date in Spanish in a sentence that names one person"))
    for m in scan(_WEEKDAY_ORDINAL, text, folded):  # "on Friday 20th"
        before = text[max(start_of(text, m.start()), m.start() - 60):m.start()]
        if (_DATE_PERSONAL.search(before) or _DATE_STRONG.search(text, start_of(text, m.start()), m.start())
                or _one_to_one_care(text, m.start(), m.end(), before, names)):
            out.append(Hit(m.start(), m.end(), "date", "weekday and day of the month in a sentence about one person's own care"))
    if " the " in text:
        for m in scan(_ORDINAL_DAY, text, folded):  # "we have you down for the 22nd"
            before = text[max(start_of(text, m.start()), m.start() - 60):m.start()]
            if (_DATE_PERSONAL.search(before) or _DATE_STRONG.search(text, start_of(text, m.start()), m.start())
                    or _one_to_one_care(text, m.start(), m.end(), before, names)):
                out.append(Hit(m.start(), m.end(), "date", "day of the month in a sentence to or about one person's own care"))
    out += find_ages(text, folded, names)
    return out


def _marketing(text: str, folded: frozenset[str]) -> list[Hit]:
    out = [Hit(m.start(), m.end(), "recipient_condition", "a health fact about the reader") for m in scan(_RECIPIENT, text, folded)
           if not _OFFER_BEFORE.search(text[max(0, m.start() - 12):m.start()])]
    out += [Hit(m.start(), m.end(), "recipient_condition", "the state of the reader's own care")
            for m in scan(_RECIPIENT_STATE, text, folded)
            if not any(h.start < m.end() and m.start() < h.end for h in out)]
    for kind, regex, why in (("media_ref", _MEDIA, "a patient's photo or video"),
                             ("biometric", _BIOMETRIC, "a person's biometric identifier")):
        for m in scan(regex, text, folded):
            start = m.start()
            owner = _POSSESSOR.match(text, start) or _POSSESSOR_BEFORE.search(text, max(0, start - 40), start)
            if owner is not None and owner.group(1) not in NOT_NAMES and owner.group(1).lower() not in OWNER_WORDS:
                # "Kofi's wound photos": the person is named, and the photo is theirs
                out.append(Hit(owner.start(1), owner.end(1), name_kind(text, owner.start(1), owner.end(1)),
                               f"a possessive name before {why}"))
                start = max(start, owner.end())
            end = m.end()
            if kind == "biometric" and (code := _CODE_AFTER.match(text, end)) is not None:
                end = code.end()  # "Facial recognition template FRT-77120": the template's id is the identifier too
            out.append(Hit(start, end, kind, why))
    if next(iter(scan(_REVIEW_OPEN, text, folded)), None) is not None:  # a reply to a review
        confirms = [Hit(m.start(), m.end(), "review_reply", "a review reply that confirms the reviewer's care")
                    for m in scan(_REVIEW_CONFIRM, text, folded)]
        # there, a fact about the reader's care is told to the public: it confirms they are a patient
        out = [Hit(h.start, h.end, "review_reply", "a review reply that tells the reviewer's own care")
               if h.kind == "recipient_condition" else h
               for h in out if not any(c.start < h.end and h.start < c.end for c in confirms)] + confirms
    out += [Hit(m.start(), m.end(), "recipient_condition", "sympathy for the reader's own condition")
            for m in scan(_SYMPATHY, text, folded)  # a reply about the reviewer's care is a review reply
            if not any(h.kind == "review_reply" and h.start < m.end() and m.start() < h.end for h in out)]
    return out


# What a tagged span may hold: words (with initials, hyphens, apostrophes) for a name; a digit, and no sentence
# break, for a date.
_NAME_SPAN = lazy(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?(?:\s+[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?)*")
_DATE_SPAN = lazy(r"(?=.*\d)[\w ,./'’-]+")
_ID_LIKE = lazy(r"\d{5}|[A-Za-z]-\d")  # "WC-2025-118204": a reference the tagger took for a date
_LONG_WORD = lazy(r"\b[^\W\d_]{4,}")


def _title_case(sentence: str) -> bool:
    """A headline written in title case ("Discover the Shocking Truth About..."): four or more words of four
    letters or more, three in four of them capitalised. There a capital says nothing of a name. Asked of a
    sentence, then of the whole text: a search ad's short lines ("Lowest Price Guaranteed.") are all title case."""
    words = _LONG_WORD.findall(sentence)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


_STREET_AFTER = lazy(rf"\s+{_STREET_SUFFIX}\b|\s+(?:Clinic|Dental|Pharmacy|Physio\w*|Surgery|Practice|Health|Medical)\b")
_LIST_ITEM = lazy(r"[^,;&\n]+")
# The rest of a list of lower-case nouns after a capitalised first item: ", patience and science".
_LOWER_LIST_AFTER = lazy(r",\s+[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?(?:,\s+[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)*,?\s+(?:and|&)\s+[a-z]")
_HEALTH_WORD = lazy(rf"\b{HEALTH_TERMS}\b", re.I)


# A list of capitalised words, read outward from one of its items: "Roath, Splott, Adamsdown and Cathays".
_LIST_ITEM_BEFORE = lazy(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*(?:,|and|&)\s*$")
_LIST_REST = lazy(r"(?:\s*(?:,|and|&)\s*(?:and\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)+")
_LIST_SEPARATOR = lazy(r",(?:\s*(?:and|&)\b)?|\s(?:and|&)\s")
# What opens a list of the areas a practice covers, and the noun a list of brand names qualifies.
_PLACE_LIST_OPENING = lazy(r"\b(?:across|around|throughout|covering|covers|serving|serves|in|near|to)\s+$")
_PRODUCT_NOUN_AFTER = lazy(r"\s+(?:hearing )?(?:aids|implants|devices|products|brands|models|lenses|frames|glasses|aligners"
                           r"|braces|supplements|machines|systems|fillers|peels|batteries|processors)\b")


# What a single capitalised word names when the next words are these: a product, a programme or a system.
_PRODUCT_AFTER_ONE = lazy(r"\s+(?:[a-z]+\s+)?(?:account|accounts|app|software|portal|login|platform|packs?|kits?"
                          r"|programme|program|scheme|leaflets?|toothpaste|mouthwash)\b")


def _capitalised_list(text: str, start: int, end: int) -> tuple[int, int, int]:
    """(where it opens, where it closes, how many items) of the list of capitalised words the span is an item of."""
    s = start
    while (m := _LIST_ITEM_BEFORE.search(text, max(0, s - 40), s)) is not None:
        s = m.start()
    rest = _LIST_REST.match(text, end)
    e = rest.end() if rest is not None else end
    items = 1 + len(_LIST_SEPARATOR.findall(text, s, start)) + len(_LIST_SEPARATOR.findall(text, end, e))
    return s, e, items


def _in_place_or_brand_list(text: str, start: int, end: int) -> bool:
    """The span is an item of a list of three or more capitalised words that names places ("delivery across Roath,
    Splott and Cathays") or brands ("Phonak, Oticon and Starkey aids"), not people."""
    s, e, items = _capitalised_list(text, start, end)
    return items >= 3 and (_PLACE_LIST_OPENING.search(text, max(0, s - 20), s) is not None
                           or _PRODUCT_NOUN_AFTER.match(text, e) is not None)


def _in_condition_list(text: str, start: int, end: int) -> bool:
    """The span is one item of a list whose other items name conditions or care ("Depression, Anxiety, Insomnia",
    "Arthritis, Cellulite, Chronic back pain"): a capitalised condition, not a person."""
    s, e = around(text, start, end)
    items = [m for m in _LIST_ITEM.finditer(text, s, e) if not (m.start() <= start < m.end())]
    health = sum(1 for m in items if _HEALTH_WORD.search(m.group(0)) or any(
        w.lower() in condition_words() for w in m.group(0).split()))
    return len(items) >= 2 and health >= 2


# The rest of a list of capitalised words whose last one names a street: after "Hope" in "Faith, Hope and
# Charity Street".
_LIST_THEN_STREET = lazy(rf"(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]+)+\s+{_STREET_SUFFIX}\b")


@lru_cache(maxsize=64)
def _not_names(own_text: str) -> frozenset[str]:
    return NOT_NAMES | frozenset(own_text.split())


_NEXT_WORD = lazy(r"\s+([A-Z][a-z]+)\b")
_THE_PROPER_BEFORE = lazy(r"\b(?:[Tt]he|[Aa]n?)\s+[A-Z][a-z]+\s+$")
_OCCASION_AFTER = lazy(rf"['’]?s?\s+(?:{'|'.join(sorted(OCCASIONS))})\b")


_INNER_CAPITALS = lazy(r"[a-z][A-Z]{2}")


def _tagged(text: str, allow: Allow, rule_names: list[Hit]) -> list[Hit]:
    """Names and dates of one person's care that the learned tagger marks (phi_tagger)."""
    out = []
    tagged = phi_tagger.tag(text, _not_names(allow.text))
    names = [t for t in tagged if t[2] == "NAME" and _NAME_SPAN.fullmatch(text[t[0]:t[1]])
             and text[t[0]:t[1]].split()[0] not in NOT_NAMES]
    for start, end, _, p, why in names:
        value = text[start:end]
        if value.isupper() and " " not in value and (value.capitalize() not in first_names()
                                                      or DETERMINER_BEFORE.search(text, max(0, start - 8), start)):
            continue  # one upper-case word: an acronym or a keyword ("FLU", "in the NICU"), not a name
        if _INNER_CAPITALS.search(value) or BRAND_CAPITALS.search(value):
            continue  # "RhoGAM", "PrEP": a product's or a service's name (names run "McDonald", "LaToya")
        if (_STREET_AFTER.match(text, end) or _STREET_AFTER.fullmatch(" " + value.split()[-1])
                or _LIST_THEN_STREET.match(text, end) or _in_condition_list(text, start, end)
                or _in_place_or_brand_list(text, start, end)):
            continue  # "Harley Street", "across Roath, Splott and Cathays": places; "Phonak, Oticon and Starkey aids": brands
        if not value[0].isupper() or value.split()[-1][0].islower():
            continue  # "came to us", "Vitamin C could": a name opens and closes on a capital
        if value.split()[0] not in all_first_names() and (_title_case(sentence_of(text, start, end))
                                                           or _title_case(text)):
            continue  # "Discover the Shocking Truth...": in a title-case headline only a listed first name counts
        if (value in place_names() and (" " in value or value not in all_first_names())) or (
                " " in value and value.split()[-1] in PLACE_FEATURES and value.split()[0] not in all_first_names()):
            continue  # "Coral Gables", "Llandaff Fields": a place ("Stanley", "Sally Fields" stay names)
        if " " not in value and at_sentence_start(text, start) and _LOWER_LIST_AFTER.match(text, end):
            continue  # "Grace, patience and science: ...": the first of a list of common nouns
        if " " not in value and _PRODUCT_AFTER_ONE.match(text, end):
            continue  # "Dentally account", "Childsmile toothbrushing packs": software, a programme or a product
        if business_name(text, end):
            continue  # "Tan & Deliver bring salon grade sunbeds": a business's name
        if " " not in value and opens_before_determiner(text, start, end):
            continue  # "Per her mom, ..."
        if value.split()[-1] in OCCASIONS or _OCCASION_AFTER.match(text, end):
            continue  # "Happy Independence Day", "Grace Hopper Day": an occasion
        if PLACE_PREFIX_BEFORE.search(text, max(0, start - 6), start):
            continue  # "Lake Harriet": a place
        if " " in value and value.split()[-1] in PLACE_FEATURES and IN_AT_NEAR.search(text, max(0, start - 8), start):
            continue  # "in Selly Oak", "near Sutton Park": a place after in, at or near
        if " " not in value and _THE_PROPER_BEFORE.search(text, max(0, start - 30), start) and second_of_proper_name(text, start):
            continue  # "from the Royal Victoria": the second word of a hospital's name ("move Rusty Hargrove" stays)
        if ROOM_AFTER.match(text, end) or named_building(value) or ((after := _NEXT_WORD.match(text, end)) is not None
                                     and named_building(f"{value} {after.group(1)}")):
            continue  # "Grace Williams Hall", "Sophia Gardens", "the Paulina Brown Line": a place named after a person
        out.append(Hit(start, end, name_kind(text, start, end), f"the name tagger reads a person's name (p={p:.2f}: {why})"))
    # A date is a patient's only in a message about one person: to "you", or naming someone.
    dates = [t for t in tagged if t[2] == "DATE" and _DATE_SPAN.fullmatch(text[t[0]:t[1]])
             and phi_tagger.looks_like_date(text[t[0]:t[1]]) and not _ID_LIKE.search(text[t[0]:t[1]])
             and _calendar_numbers(text[t[0]:t[1]].strip())]  # "the 40-74 age group" is no date
    # (a clinician named at an event is no patient: "Meet Dr. Priya Raghunathan at the open house on March 14")
    clinicians = clinician_spans(text) if (names or rule_names) else []
    # (nor is one of the practice's own staff: "Marcus Whitfield will demo the new aids on Nov 12")
    # (only the names kept above: "Tesco Extra, Cribbs Causeway" is a place, and dates no one)
    people = [n for n in [*((h.start, h.end) for h in out), *((h.start, h.end) for h in rule_names)]
              if not any(cs <= n[0] < ce for cs, ce in clinicians) and not _allowed(Hit(*n, "name", ""), text, allow)]
    if not (people or phi_tagger.speaks_to_you(text)):
        dates = []
    for start, end, _label, p, why in dates:
        if _shared_date(text, start):
            continue
        out.append(Hit(start, end, "date", f"the date tagger reads a date of one person's care (p={p:.2f}: {why})"))
    return out


def _not_clinician(hits: list[Hit], text: str) -> list[Hit]:
    spans = clinician_spans(text) if any(h.kind in ("name", "name_health") for h in hits) else []
    return [h for h in hits if h.kind not in ("name", "name_health")
            or not any(s < h.end and h.start < e for s, e in spans)]


def _allowed(hit: Hit, text: str, allow: Allow) -> bool:
    value = text[hit.start:hit.end]
    if hit.kind in ("phone", "fax"):
        return _nsn(value) in allow.phones
    if hit.kind in ("name", "name_health"):
        if FAMILY_AFTER.match(text, hit.end):
            return False  # "Ffion's nan": the relative of someone the practice knows is a person of their own
        tokens = set(_norm(value).split()) - {"dr", "doctor", "prof", "mr", "mrs", "ms", "miss", "nurse"}
        return any(tokens and tokens <= person for person in allow.people) or (
            bool(allow.text) and f" {_norm(value)} " in f" {allow.text} ")
    if hit.kind in ("age_90_plus", "date"):
        return False  # an age of 90 is someone's, whatever number the practice's address holds
    norm = _norm(value)  # whole words of the practice's details
    return bool(norm) and bool(allow.text) and f" {norm} " in f" {allow.text} "


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Keep one hit per stretch of text: the higher-priority kind, then the longer span."""
    kept: list[Hit] = []
    for h in sorted(hits, key=lambda h: (_RANK[h.kind], -(h.end - h.start), h.start)):
        if all(h.end <= k.start or k.end <= h.start for k in kept):
            kept.append(h)
    return sorted(kept)


@lru_cache(maxsize=1)
def literal_needs() -> tuple[frozenset[str] | None, ...]:
    """For each pattern detection scans, the literals one of which its matches hold: an index built from
    these (alone, or with other rules' literals) tells `detect` which patterns can match a text."""
    from . import phi_ages, phi_names

    regexes = [v for mod in (globals(), vars(phi_names), vars(phi_ages)) for v in mod.values() if is_regex(v)]
    return tuple(need_of(r) for r in [*regexes, *(p for _, p, _ in _LABELLED)])


@lru_cache(maxsize=1)
def _index() -> LiteralIndex:
    return LiteralIndex(literal_needs())


def detect(text: str, allow: Allow = NO_ALLOW, index: LiteralIndex | None = None) -> tuple[Hit, ...]:
    """Every identifier in `text`, sorted by position; the practice's own details are left out. `index`:
    one that holds every literal of `literal_needs()` (the engine shares its own); PHI's own by default."""
    return _detect(text, allow, (index or _index()).present(text))


@lru_cache(maxsize=512)
def _detect(text: str, allow: Allow, folded: frozenset[str]) -> tuple[Hit, ...]:
    names = find_names(text, folded)
    tagged = _tagged(text, allow, names)
    people = [*names, *(h for h in tagged if h.kind != "date")]
    hits = [*_ten_digit(text, folded), *_numbers(text, folded), *_phones(text), *_web(text, folded, allow),
            *_places(text, folded), *_dates_and_ages(text, folded, people), *_marketing(text, folded), *names,
            *tagged]
    hits = _not_clinician(hits, text)
    hits += _names_again(text, hits)
    hits += _orders(text, folded, [h for h in hits if h.kind in ("name", "name_health") and not _allowed(h, text, allow)])
    return tuple(h for h in _resolve(hits) if not _allowed(h, text, allow))


def _names_again(text: str, hits: list[Hit]) -> list[Hit]:
    """A name read once in a text is a name wherever else the text writes it: "Simran's mum rang – Simran has a
    rash" (the second Simran stands where no rule reads a name off the lists)."""
    names = {POSSESSIVE_END.sub("", text[h.start:h.end]) for h in hits if h.kind in ("name", "name_health")}
    out = []
    for name in names:
        if not name[:1].isupper() or name in NOT_NAMES or len(name) < 3:
            continue
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text):
            if not any(h.start <= m.start() < h.end for h in hits):
                out.append(Hit(m.start(), m.end(), name_kind(text, m.start(), m.end()), "a name the text has already used"))
    return out


def _orders(text: str, folded: frozenset[str], names: list[Hit]) -> list[Hit]:
    """Order numbers in a sentence that names a person (not one of the practice's staff or clinicians)."""
    if not names:
        return []
    out = []
    for m in scan(_ORDER_LABELLED, text, folded):
        value = text[m.start(1):m.end(1)]
        s, e = around(text, m.start(), m.end())
        if sum(ch.isdigit() for ch in value) >= 2 and any(s <= h.start < e for h in names):
            out.append(Hit(m.start(1), m.end(1), "other_id", "an order number in a sentence naming a person"))
    return out


def mask(value: str) -> str:
    """Keep the separators and the first and last letters or digits (two each from eight on, only the first
    up to four); hide the rest."""
    chars = [i for i, ch in enumerate(value) if ch.isalnum()]
    keep = 2 if len(chars) >= 8 else 1
    hidden = set(chars[keep:-keep] if len(chars) > 4 else chars[1:])
    return "".join("•" if i in hidden else ch for i, ch in enumerate(value))


def redact(text: str, allow: Allow = NO_ALLOW) -> tuple[str, tuple[Hit, ...]]:
    """`text` with each identifier replaced by its typed placeholder, and the hits replaced."""
    hits = detect(text, allow)
    out, last = [], 0
    for h in hits:
        out.append(text[last:h.start])
        out.append(PLACEHOLDERS[h.kind])
        last = h.end
    out.append(text[last:])
    return "".join(out), hits
