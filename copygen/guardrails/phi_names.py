"""People's names in copy, found offline: titles, patient and greeting contexts, testimonial bylines, and
first names from a packaged list (with a surname or initial where the first name is also a common word).
A name in the same sentence as a health term, or in a patient context, is a name with health information."""

from __future__ import annotations

import re

from .lazy_regex import lazy
from .phi_hit import Hit
from .phi_lexicon import (
    AMBIGUOUS_FIRST,
    CLINICIAN_TITLES,
    FAMILY_TITLES,
    HEALTH_TERMS,
    NOT_NAMES_AFTER_GREETING,
    TITLES,
    all_first_names,
    common_words,
    condition_words,
    first_names,
    place_names,
    surnames,
    word_first_names,
)
from .prefilter import before, requiring, scan
from .sentences import around, start_of

# Latin letters with their accented forms (Latin-1 and Latin Extended-A): Lucía, Zoë, Łukasz, Şule.
_UP = "A-ZÀ-ÖØ-ÞĀ-ž"
_LOW = "a-zß-öø-ÿĀ-ž'’"
# An inner capital goes on the word, so "O'Brien" and "McDonald" are read whole rather than as "O'" and "Mc".
_TAIL = rf"[{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}a-zß-öø-ÿ][{_LOW}]+)?"
_WORD = rf"[{_UP}]{_TAIL}"
_FULL = rf"{_WORD}(?:\s+(?:[A-Z]\.|{_WORD}))?"
# The same, at the start of a word: `\b[A-Z]` written as a capital and then a look back at the character
# before it. A pattern that opens with a character class lets `re` skip ahead in C to the next capital;
# one that opens with `\b` tries every position.
WORD_START = r"(?<!\w.)"  # after a word's first character: nothing of the word stands before it
_WORD_AT = rf"[{_UP}]{WORD_START}{_TAIL}"
_FULL_AT = rf"{_WORD_AT}(?:\s+(?:[A-Z]\.|{_WORD}))?"
# Capitalised words that open sentences or name things, never a person.
_STOP = frozenset("""
The A An Our Your My We Us You I It This That These Those He She They Their His Her Its Who What When Where Why How
And But Or So If Then Now Here There All Every Each Some Any No Not Yes Please Thanks Thank Book Call Text Reply
Visit Join Meet Welcome Today Tomorrow Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December Spring Summer Autumn Winter Happy
New Free Open Closed Team Clinic Practice Surgery Pharmacy Hospital Health Care Dental Doctor Nurse Patient Patients
Client Clients Street Road Lane Avenue Mr Mrs Ms Miss Dr Prof Sir Dame Lady Lord STOP HELP Msg Ad Sponsored Paid
Hello Hi Hey Greetings News Everyone Everybody Friends Family Folks Guys Parents Kids Baby Mum Dad Mom NHS GP Covid Flu Botox Ozempic Christmas
Easter Bank Holiday Black British American English Welsh Scottish Irish Online Local Great Good Best Fresh Big
Ramadan Eid Diwali Hogmanay Hanukkah Passover Vaisakhi Navratri Holi Kwanzaa Thanksgiving Basel Mubarak Kareem
Invisalign Spark Sensodyne EpiPen Feliz Día Dia Hola Gracias Recordatorio
Children Child Kids Adults Teens Teenagers Men Women Seniors Students Carers Babies Toddlers People Residents
Aetna Cigna Humana Kaiser Medicaid Medicare Anthem Bupa AXA Aviva Vitality Boots Walgreens Superdrug
""".split())
POSSESSIVE_END = lazy(r"['’]s\b")
_TITLE = lazy(rf"\b((?:{'|'.join(TITLES + CLINICIAN_TITLES + FAMILY_TITLES)})\.?)\s+((?:[A-Z]\.?\s+){{0,2}}{_FULL})")  # "Mrs B. Adebayo"
_STOP_BEFORE_NAME = _STOP - {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof"}
# Words of _STOP that are never a name, whatever stands around them.
FUNCTION_WORDS = frozenset("""
The A An Our Your My We Us You I It This That These Those He She They Their His Her Its Who What When Where Why How
And But Or So If Then Now Here There All Every Each Some Any No Not Yes Please Thanks Thank Book Call Text Reply
Visit Join Meet Welcome Today Tomorrow Tonight Hello Hi Hey
""".split())
_PATIENT_CONTEXT = lazy(
    rf"\b(?i:(patients?|clients?|residents?|service users?|case study|customers?)|mum|dad|mother|father|son|daughter|"
    rf"husband|wife|partner|grandma|grandad|grandmother|grandfather|nan|nana|baby|little|toddler|meet|thanks to|"
    rf"thank you|thanks(?: so much)?|many thanks|mahalo|gracias|merci|diolch|salamat|obrigad[oa]|grazie|danke|asante|shukran|congrats|congratulations(?: to)?|well done|policy ?holder|reach|filled in by|named|say (?:hi|hello) to|(?:photos?|pictures?|pics?|videos?|shots?) of|shout-?out to|story of|reminders? for|(?:portal |review )?(?:repl(?:y|ies)|messages?|letters?|notes?) (?:to|for))\s*[:,]?\s+({_FULL})")
# ("Morning" and "Evening" greet only where no word runs into them: not "Thursday evening PrEP clinic"; and a
# name is a whole word, not the "Pr" of "PrEP".)
_GREETING = lazy(rf"\b(?i:Hi|Hello|Hey|Dear|(?<![a-z] )Morning|(?<![a-z] )Evening|Good (?:morning|afternoon|evening))\s*,?\s+"
                 rf"({_WORD})(?![{_UP}])")
_DASH_THEN_CAPITAL = lazy(rf"[—–-]\s*[{_UP}]")  # what every byline holds
_BYLINE = before(_DASH_THEN_CAPITAL, lazy(
    rf"(?:(?:^|\n|[\"”’.!?])\s*[—–-]{{1,2}}|\s[—–])\s*({_FULL})(?=,\s*\d{{1,3}}\b|\s*(?:$|\n|,\s*[A-Z]))"))
# What follows a name given with an age or a record: searched for first (it opens with a literal), far
# faster than trying the name pattern at every capital.
_AGE_AFTER = lazy(r",\s*(?:aged?\s+)?\d{1,3}(?=,|\s+from\b|\s*$)")
# (", 12 Elm Road" or ", 4B High St" after a name is an address; ", 1 December" is a date, not one)
_ID_AFTER = lazy(r"[(,]\s*(?:(?i:DOB|D\.O\.B|date of birth|born|NHS|MRN|patient)|(?<=\()(?=\d{5}\))|(?=\d{1,5}[A-Za-z]?\s+"
                 r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z]))")
_NAME_AGE = before(_AGE_AFTER, lazy(rf"({_FULL_AT}){_AGE_AFTER.pattern}"))
_NAME_ID = before(_ID_AFTER, lazy(rf"({_FULL_AT})\s*{_ID_AFTER.pattern}"))
# A name the sentence itself calls a patient: "Walt, our 96-year-old patient, walked in".
_NAME_PATIENT_APPOSITIVE = lazy(
    rf"({_FULL_AT}),\s+(?:our|a|the|one of our)\s+(?:[\w'’-]+\s+){{0,3}}(?:patients?|clients?)\b")
_NAME_FROM = lazy(rf"(?:^|[.!?:\n]\s*)({_FULL}) from [A-Z][a-z]+")
# A family named by its surname ("a card to the Okonkwo family"): a word on the surname list or no common word,
# so not "the Pilates family" or "the NHS family".
_FAMILY = lazy(rf"\bthe ({_WORD})(?:['’]s)? family\b")
_POSSESSIVE_HEALTH = lazy(rf"({_WORD_AT})['’]s\s+(?:[\w-]+\s+){{0,2}}?(?i:{HEALTH_TERMS})")
# Someone's own documents: "Copy Siân's licence into the ID box", "Link it to Horace's record".
_POSSESSIVE_RECORD = lazy(
    rf"({_WORD_AT})['’]s\s+(?:[\w-]+\s+)?(?:records?|file|chart|notes|licen[cs]e|passport|forms?|x-rays?"
    r"|referral|paperwork|consent form)\b")
# Someone's family: "Kath Hughes, Iris's daughter", "Desmond's son".
_FAMILY_WORDS = (r"(?:daughter|son|husband|wife|partner|mum|mom|mother|dad|father|sister|brother|grandson|granddaughter"
                 r"|grandchildren|grandma|grandmother|grandad|granddad|grandpa|grandfather|nan|nana|nanny|gran|granny"
                 r"|nain|taid|aunt|auntie|uncle|cousin|niece|nephew|carer|next of kin)s?\b")
_POSSESSIVE_FAMILY = lazy(rf"({_WORD_AT})['’]s\s+{_FAMILY_WORDS}")
# After a name: its owner's relative, another person ("Ffion's nan", "Yesenia's mom"), even where the name is a
# member of staff's.
FAMILY_AFTER = lazy(rf"['’]s\s+{_FAMILY_WORDS}")
OWNER_WORDS = frozenset("driver drivers patient patients client clients doctor doctors owner member child "
                         "children parent parents carer carers user users practice clinic".split())
_PERSON_VERB = lazy(rf"({_FULL_AT})\s+(?:finally|said|says|told|felt|feels|struggled|suffered|shares|shared|beat|lost"
                          r"|was (?:admitted|diagnosed|treated|discharged|born)|has lived|lived|is recovering|walked"
                          r"|did (?:so |really |very )?well|is doing (?:so |really |very )?well|bounced back)\b")
_TOKEN = lazy(rf"{_WORD_AT}\b")
_CONTRACTION = lazy(r"(?:I|You|We|They|He|She|It)['’](?:ve|m|ll|d|re|s)")
# Where a person stands, whatever their name: the object of a verb of contact or care ("exclude Hyun-woo Park",
# "remind Ife", "proud of Gurpreet"), two name-like words after "for" or "to" ("a requisition for Eitan
# Shapiro"), a vocative closing a sentence that speaks to someone ("Thanks for coming in Tuesday, Jacinda –") or
# opening one with no comma ("Chidi we have your prescription"), and the subject of a request opening a sentence
# ("Olusegun asked"). Each is read at a capitalised word that could be a name (`_slot_name`): a word on the name
# lists or no common English word (so not "Chicago", "Pilates" or "Texts").
_SLOT_VERBS = (r"(?i:send|sending|text|texting|email|emailing|call|calling|ring|remind|reminding|thank|thanking|tell"
               r"|telling|ask|asking|message|exclude|invite|inviting|meeting|met"
               r"|congratulate|chase|give|giving|treat|treated|treating|helped|helping|proud of|working with"
               r"|worked with|follow up with|follow-up with|check in with|catch up with|speak (?:to|with)"
               r"|talk (?:to|with)|meet with|(?:review|reply|message|feedback|card|note|letter|voicemail|complaint"
               r"|referral|call|quote|testimonial|story|stories|words|email|text|photo|video)s? from|for|to)")
_SLOT_VERB_BEFORE = lazy(rf"\b{_SLOT_VERBS}\s+$")
# Verbs whose object is someone to contact: after one, a capitalised word that is also a common English word is
# still a person's name when it is not a place or a department ("call Dusty to reschedule", "Follow up with Pearl").
_CONTACT_WORDS = frozenset("send sending text texting email emailing call calling ring remind reminding thank thanking "
                            "tell telling ask asking message invite inviting congratulate chase with"
                            # thanks in the languages of the communities practices serve: "Mahalo Noelani!"
                            " thanks mahalo gracias merci diolch salamat obrigado obrigada grazie danke asante shukran".split())
_NOT_CONTACTS = frozenset("Reception Support Admin Billing Accounts Office Desk Front Customer Services Security IT HR "
                          "Finance Marketing Sales Insurance Triage Lab Radiology Records Scheduling Appointments "
                          "Emergency Ambulance Police Alexa Siri Google".split())
_COMMA_BEFORE = lazy(r",\s+$")
_COLON_BEFORE = lazy(r":\s*$")
# A determiner just before a word makes it a thing or a unit, not a person ("in the NICU").
DETERMINER_BEFORE = lazy(r"\b(?i:the|a|an|our|your|their|this)\s+$")
_SAINT_BEFORE = lazy(r"\b(?:St\.?|Saint)\s+$")
_LOWER_WORD_AFTER = lazy(r" [a-z]+\b")
# After a name: a room, a branch or a club's fans ("the Grace Kelly suite", "our Harborne branch", "Aston Villa fans").
ROOM_AFTER = lazy(r"\s+(?:suite|room|ward|wing|unit|lounge|building|theatre|branch|office|site|fans|supporters)\b")
# A brand's inner capital: after a capital and three or more lower-case letters ("CareCredit", "HydraFacial"); a
# name's comes after a short prefix ("McDonald", "MacLeod", "LaToya", "DeShawn"), or after Fitz.
BRAND_CAPITALS = lazy(r"\b(?!Fitz)[A-Z][a-z]{3,}[A-Z][a-z]")
_AMPERSAND_WORD = lazy(r"\s*&\s*([A-Z][a-z]+)")


def business_name(text: str, end: int) -> bool:
    """The name ending at `end` opens a business's name joined by "&" to a common word ("Tan & Deliver")."""
    amp = _AMPERSAND_WORD.match(text, end)
    return amp is not None and amp.group(1).lower() in common_words() and amp.group(1) not in all_first_names()
_GAELIC_SURNAME = lazy(r"(?:Mac|Mc|O['’])[A-Z][a-z]+")
# A word that makes the name after it a place's: "Lake Harriet", "Mount Hope", "Fort Collins", "Port Talbot".
PLACE_PREFIX_BEFORE = lazy(r"\b(?:Lake|Mount|Mt\.?|Fort|Port|Cape|Glen|Loch|Lough|Point)\s+$")
_DETERMINER_AFTER = lazy(r"\s+(?:her|his|their|the|our|its|my)\b")
_OBJECT_SLOT = lazy(rf"\b{_SLOT_VERBS}\s+({_WORD_AT}(?:\s+{_WORD})?)(?=[\s,.!?;:)]|$)")
# The subject of what a person does, opening a sentence: "Olusegun asked if evening slots are available".
_SUBJECT_SLOT = lazy(
    rf"({_WORD_AT}(?:\s+{_WORD})?)(?=\s+(?:asked|finished|completed|started|booked|cancelled|called|emailed"
    r"|texted|wants|needs|messaged|rang)\b)")
# A name written all in lower case, opening a note and doing what a person does: "Reminder: amara osei asked for a
# call". Read only when its first word is a listed first name and no common English word.
_LOWER_SUBJECT_VERBS = ("asked", "wants", "needs", "called", "emailed", "texted", "messaged", "rang", "booked",
                        "cancelled", "said", "phoned")
_LOWER_SUBJECT = requiring(_LOWER_SUBJECT_VERBS, lazy(
    rf"(?:^|[:;.!?]\s+|\n)([a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?)(?=\s+(?:{'|'.join(_LOWER_SUBJECT_VERBS)})\b)"))
# A capitalised word opening a sentence, then what a person does and a pronoun for that person: "Ploy asked if
# she can pick up her pills", "Tavita rang to say he". The pronoun makes the word a person even when it is also
# an English word.
_PARTICLES = frozenset("Out Up In On Off Over Back Down Away Through".split())
_SOMEONE = frozenset("someone somebody anyone anybody everyone everybody nobody patient client customer caller "
                     "parent carer family partner".split())
_SUBJECT_THEN_PRONOUN = requiring(_LOWER_SUBJECT_VERBS, lazy(
    rf"(?:^|[:;.!?]\s+|\n)({_WORD}(?:\s+{_WORD})?)(?=\s+(?:{'|'.join(_LOWER_SUBJECT_VERBS)})\s+"
    r"(?:(?:if|whether|for|about|to say|that)\s+)?(?:she|he|her|his)\b)"))
_VOCATIVE_END = lazy(rf",\s+({_WORD_AT})(?=\s*(?:[!?.]|[–—-]\s|$))")
_VOCATIVE_START = lazy(rf"({_WORD_AT})(?=\s+(?:we|we're|we've|you|your|you're|thanks|thank you)\b)")
# A first name opening a message, set off by a comma, before what is said to that person: "Summer, your
# consultation details are below", "Hoa, your potassium was high". A first name that is also a word counts here.
_VOCATIVE_OPENING = lazy(rf"({_WORD_AT}),\s+(?=(?i:your|you|you're|you've|you'll|we|we're|we've|we'll|thanks|thank you"
                         r"|just a|this is|it's|a quick|quick reminder|reminder|please|don't forget)\b)")
_SECOND_PERSON = lazy(r"\b(?i:you|your|you're|thanks|thank you|hi|hey|hope|see you)\b")
# A name written in capitals ("an SMS for IFEOMA NASSER"): one or two upper-case words.
_UPPER_TOKEN = lazy(rf"[A-Z]{WORD_START}[A-Z'’-]+(?:\s+([A-Z][A-Z'’-]+))?\b")
# A clinician's registration letters after their name: "Sarah Okoye MCSP", "Rajiv Menon FRCS", "Jo Lee, RN".
POST_NOMINALS = lazy(
    r"(?:,?\s+(?:MBBS|MBChB|MB|BCh|BChD|BDS|MDS|MD|DO|DDS|DMD|DPT|PT|RN|NP|PA-C|APRN|FNP|MSc|BSc|PhD|MPharm|MRPharmS"
    r"|MCSP|HCPC|FRCS|FRCSEd|MRCS|MRCP|FRCP|MRCGP|FRCGP|FDS|MFDS|MJDF|GDC|RGN|RMN|DipHE|FACS|FAAP|OD|DC|LAc|PsyD|LCSW|RDH)"
    r"(?:\s*\([^)]*\))?\b(?!\s+(?:evaluation|assessment|session|appointment|referral|exercises|visit|plan|notes?|therapy"
    r"|treatment)\b))+")  # (not "Pao Vang, PT evaluation": there the letters name a service)
# A clinician: a clinical title before the name or registration letters after it. Or one of the practice's own,
# introduced as such: "Grace, our practice cat, says hi", "Meet Rose, our therapy dog". Not a patient identifier.
# (A vocative stays a name: "Sarah, our records show..." has no closing comma and no "Meet".)
_CLINICIAN = lazy(
    rf"\b(?:{'|'.join(CLINICIAN_TITLES)})\.?\s+(?:(?:Practitioner|Specialist|Consultant|Associate)\s+)?{_FULL}"
    rf"|{_FULL_AT}(?={POST_NOMINALS.pattern})"
    rf"|{_FULL_AT}(?=,\s+our\s+(?!(?:[\w'’-]+\s+){{0,3}}(?:patients?|clients?|members?|customers?)\b)"
    rf"(?:[\w'’-]+\s+){{0,3}}[\w'’-]+,)"
    # one of the practice's own, named by their role ("our new hygienist Sophie") or as the person to ask for
    rf"|\b(?i:our)\s+(?:(?i:new|senior|lead|head|friendly|resident)\s+)?(?i:hygienist|dentist|dental nurse|nurse|physio"
    rf"(?:therapist)?|pharmacist|receptionist|GP|doctor|optician|optometrist|audiologist|podiatrist|dietitian|therapist"
    rf"|practice manager|health visitor|midwife)\s+{_FULL}"
    rf"|(?:(?<=\bAsk for )|(?<=\bask for )){_FULL}(?=\s+(?:at|on|in|when)\b)"
    rf"|(?:(?<=\bMeet )|(?<=\bmeet )|(?<=\bIntroducing )|(?<=\bintroducing )){_FULL}"
    rf"(?=,\s+our\b(?!\s+(?:[\w'’-]+\s+){{0,3}}(?:patients?|clients?|members?|customers?)\b))")



def clinician_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a clinician by title or registration letters, or one of the practice's own people."""
    return [m.span() for m in _CLINICIAN.finditer(text)]


def name_kind(text: str, start: int, end: int) -> str:
    """`name_health` when the sentence holding the name carries health information, else `name`."""
    return "name_health" if _HEALTH.search(sentence_of(text, start, end)) else "name"


NOT_NAMES = _STOP | frozenset("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
                               "Room Level Floor Suite Unit Ward".split())
# The words before a capitalised word that make it a place or an object rather than a person: "from Round Rock",
# "walked to Clifton", each read in the few characters before it.
_PLACE_WORD_BEFORE = lazy(r"\b(?:from|in|at|near)\s+$")
IN_AT_NEAR = lazy(r"\b(?:in|at|near)\s+$")
_PLACE_OR_OBJECT_WORD_BEFORE = lazy(r"\b(?:from|in|at|near|to|of)\s+$")
# Words that make a capitalised name an occasion ("Grace Hopper Day", "Happy Independence Day") or, with the
# rest, an institution ("Mercy Hall").
OCCASIONS = frozenset("Day Days Eve Week Weekend Month Year Festival Fair Show Run Marathon Award Awards Halloween "
                      "Walk Parade Picnic Carnival Fest Gras Walls".split())
_EVENT_WORDS = OCCASIONS | frozenset("Trust Foundation Society Institute College University School Hospital Centre Center "
                                     "Hall House Gardens Club Games Cup League Bridge Hill Cross Shield Church Chapel "
                                     "Cathedral Mosque Temple Synagogue Abbey Parish".split())
# The last word of a building's, a park's or an institution's name that no surname is: after a first name it
# names a place ("Sophia Gardens", "Mary Seacole Centre"), not a person.
INSTITUTIONS = frozenset("Trust Foundation Society Institute College University School Hospital Centre Center Gardens "
                         "Club Library Theatre Theater Stadium Arena Academy Museum Clinic Surgery Pharmacy Line Station "
                         "Suite Track Pavilion Lounge Cinema Gallery Church Chapel Mosque Temple Synagogue Market Hotel "
                         "Empire"
                         .split())
# The second word of a place's name: an unlisted word before it makes a place ("Llandaff Fields parkrun"), though
# after a listed first name it is a surname ("Sally Fields").
# What follows a possessive first name in a landmark's name ("Arthur's Seat", "Peter's Point").
_LANDMARKS = frozenset("Seat Tower Castle Square Green Park Point Head Island Well Field Fields Wood Bay Quay Steps".split())
PLACE_FEATURES = frozenset("Fields Field Park Green Common Heath Wood Woods Moor Marsh Vale Valley Meadows Brook Bay "
                            "Beach Dale Forest Lake Mountain Mountains Hill Hills Canyon Mesa Ridge Peak Creek River "
                            "Springs Falls Oak Oaks".split())
_WORD_BEFORE = lazy(rf"({_WORD}) $")
_NEXT = lazy(rf"(?:['’]s)?\s+([A-Z]\.|{_WORD}(?![{_LOW}{_UP}]))")
_STREET = lazy(r"\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Close|Way|Crescent|Court|Place|Park|Square|Hill|Causeway)\b")
_HEALTH = lazy(rf"\b{HEALTH_TERMS}", re.I)
_CLINICIANS = frozenset(t.lower() for t in CLINICIAN_TITLES)


def named_building(value: str) -> bool:
    """A building, park or institution named after a person: its last word is one no surname is ("Sophia
    Gardens", "Mary Seacole Centre"), or a hall or house after a first name and a listed surname ("Grace Williams
    Hall"; "Sophia Hall" and "Mary Beth Hall" stay people)."""
    words = value.split()
    if len(words) < 2:
        return False
    if words[-1] in INSTITUTIONS:
        return True
    if len(words) != 3 or words[1] in all_first_names() or not (
            words[1] in surnames() or words[1].lower() not in common_words()):
        return False
    # a first name and a surname before a capitalised common noun that is no name: "Mary Peters Track"
    last = words[-1]
    return last in ("Hall", "House") or (last not in surnames() and last not in all_first_names()
                                         and last.lower() in common_words())


def second_of_proper_name(text: str, start: int) -> bool:
    """The word at `start` follows a capitalised common word that is not a name and does not open the sentence:
    it is the second word of a place's or a thing's name ("Navy Pier", "Golden Rose"), not a person's."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return (before is not None and before.group(1) not in all_first_names() and before.group(1) not in _STOP
            and before.group(1).lower() in common_words() and not at_sentence_start(text, before.start(1)))


def opens_before_determiner(text: str, start: int, end: int) -> bool:
    """A word opening a sentence just before "her", "the", "our"...: "Per her mom, ...", "May the...". A name
    there would be a vocative, which takes "you" or a comma."""
    return at_sentence_start(text, start) and _DETERMINER_AFTER.match(text, end) is not None


def at_sentence_start(text: str, pos: int) -> bool:
    return not text[start_of(text, pos):pos].strip(" \"'“‘(")


def _after(words: re.Pattern[str], text: str, pos: int) -> bool:
    """One of `words` stands just before `pos`."""
    return words.search(text[max(0, pos - 6):pos]) is not None


def sentence_of(text: str, start: int, end: int) -> str:
    s, e = around(text, start, end)
    return text[s:e]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing words that are not names ("Sarah Thanks")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and words[-1].group(0).strip(".,") in _STOP:
        words.pop()
    return start, start + words[-1].end() if words else end


def _slot_name(text: str, start: int, firsts: frozenset[str], lasts: frozenset[str]) -> tuple[int, int] | None:
    """The name at `start` (a capitalised word that could be one) if it stands where a person does: read from
    the few characters before it, so that only words that could be names are looked at."""
    verb = _SLOT_VERB_BEFORE.search(text, max(0, start - 20), start)
    if verb is not None:
        m = _OBJECT_SLOT.match(text, verb.start())
        return _unlisted_name(text, m, 1, firsts, lasts) if m is not None else None
    comma = _COMMA_BEFORE.search(text, max(0, start - 4), start)
    if comma is not None:
        m = _VOCATIVE_END.match(text, comma.start())
        return _unlisted_name(text, m, 2, firsts, lasts) if m is not None else None
    m = _VOCATIVE_START.match(text, start)
    if m is not None:
        return _unlisted_name(text, m, 3, firsts, lasts)
    m = _SUBJECT_SLOT.match(text, start)
    return _unlisted_name(text, m, 4, firsts, lasts) if m is not None else None


def _unlisted_name(text: str, m: re.Match[str], slot: int, firsts: frozenset[str],
                   lasts: frozenset[str]) -> tuple[int, int] | None:
    """The span of a person-slot match (1: the object of a verb or "for", 2: a closing vocative, 3: an opening
    one, 4: the subject of what a person does, opening a sentence) that reads as a person's name, or None."""
    words = m.group(1).split()
    if any(w in NOT_NAMES for w in words):
        return None

    def name_like(w: str) -> bool:
        return w in firsts or w in lasts or w.lower() not in common_words()

    if slot == 1:
        verb = text[:m.start(1)].split()[-1].lower()
        if verb in ("for", "to", "from"):  # a place or a thing as often as a person: a name-like word and another,
            # neither an event, a street nor a health term ("for Opiate Withdrawal")
            if (len(words) < 2 or not name_like(words[0]) or words[1] in _EVENT_WORDS or _STREET.match(" " + words[1])
                    or words[1].lower() in condition_words()):
                return None
        elif not name_like(words[0]) and not _contacted(text, m, words[0], verb):
            return None
        if len(words) == 2 and not name_like(words[1]):
            return m.start(1), m.start(1) + len(words[0])
        return m.span(1)
    if slot == 2:
        sentence = sentence_of(text, m.start(), m.end())
        if not _SECOND_PERSON.search(sentence):
            return None
        # "Thanks so much, Winnie!": after thanks or a greeting, a capitalised word closing the sentence is the
        # person spoken to, even a common word, unless it is a place ("Thanks, Tucson!")
        if not name_like(words[0]) and not (_THANKS_OPENING.match(sentence.lstrip()) and words[0] not in place_names()):
            return None
    elif not name_like(words[0]):
        return None
    listed = words[0] in firsts or words[0] in lasts  # a listed name asking or finishing is a person ("Zhang Wei asked")
    if slot >= 3 and ((words[0].lower() in common_words() and not (slot == 4 and listed)) or not words[0].isalpha()
                      or not at_sentence_start(text, m.start(1))):
        return None  # an imperative or a question opens the sentence: "Mark your calendar", "What's your..."
    return m.span(1)


_THANKS_OPENING = lazy(r"(?i:thanks|thank you|many thanks|cheers|hi|hey|hello|congrat\w*|well done|happy|mahalo|gracias"
                      r"|merci|diolch|salamat|obrigad[oa]|grazie|danke|asante|shukran)\b")



def _contact_or_thanks_before(text: str, start: int) -> bool:
    """A verb of contact or a comma stands just before `start`: where even a common word may be a name."""
    if text[start - 2:start] == ", ":
        return True
    word = text[text.rfind(" ", 0, max(0, start - 1)) + 1:start].strip().lower()
    return word in _CONTACT_WORDS


def _contacted(text: str, m: re.Match[str], word: str, verb: str) -> bool:
    """A capitalised common word after a verb of contact, within the sentence, that is neither a place nor a
    department: someone's name ("call Dusty to reschedule")."""
    return (verb in _CONTACT_WORDS and not at_sentence_start(text, m.start(1))
            and word not in _NOT_CONTACTS and word not in place_names() and word.isalpha())


def _compound_first(word: str, firsts: frozenset[str]) -> bool:
    """A hyphenated first name whose parts are first names: "Jamie-Lee", "Anne-Marie"."""
    parts = word.split("-")
    return len(parts) > 1 and all(p in firsts for p in parts)


# What a person does in a note about them: the verb after "Precious Okafor" in "Precious Okafor dropped off...".
_PERSON_VERB_AFTER = lazy(r"\s+(?:[a-z]+ed|is|was|has|had|will|came|brought|rang|said|left|sent|took|gave|got|needs"
                          r"|wants|asked|called|phoned|says|rings|comes)\b|\s+\((?:[A-Z][a-z]+ )?(?:interpreter|DOB|aged?"
                          r"|born|MRN|NHS|patient|mum|mom|dad|son|daughter|wife|husband)\b")


# What only a person does after their name: a verb, then his or her ("Jae Park needs his schedule", "Grace Hill
# asked her GP"), so a place's word there ("Park", "Hill", "Fields") is a surname.
_PERSON_ACTS_AFTER = lazy(r"\s+[a-z]+ (?:his|her|him|their)\b")


def _unlisted_surname_then_verb(text: str, end: int, nxt: re.Match[str] | None) -> bool:
    """After a first name that is also a word, a capitalised word that is no word, place or event of its own,
    then a verb or an aside about the person: a surname off the lists ("Precious Okafor dropped off her son's form",
    "Jonah Kabua (Marshallese interpreter needed)"; not "Grace Church is")."""
    if nxt is None or not text[end:end + 1].isspace():
        return False
    last = nxt.group(1)
    return (last not in _STOP and last.lower() not in common_words() and last not in place_names()
            and last not in _EVENT_WORDS and last not in PLACE_FEATURES and not _STREET.match(text, end)
            and _PERSON_VERB_AFTER.match(text, nxt.end()) is not None)


def find_names(text: str, folded: frozenset[str]) -> list[Hit]:
    found: dict[tuple[int, int], tuple[str, str]] = {}  # span -> (why, role)
    firsts, lasts = all_first_names(), surnames()

    def add(start: int, end: int, why: str, role: str = "", name_word: bool = False) -> None:
        """`name_word`: where only a person stands, a first name that is also a month, a season or a virtue
        ("Copy Summer's licence") is a name too."""
        start, end = _trim(text, start, end)
        first = text[start:end].split()[0].strip(".,'’")
        if first in _STOP_BEFORE_NAME and not (name_word and first in firsts and first not in FUNCTION_WORDS):
            return
        if _CONTRACTION.fullmatch(text[start:end]):
            return  # "I've lost 48 pounds": a pronoun, not a name
        if text[max(0, start - 4):start] in ("San ", "Sao ", "São ") or text[max(0, start - 6):start] in ("Santa ", "Santo "):
            return  # "San Antonio", "Santa Monica": a place named for a saint
        if " " not in text[start:end].strip() and (prev := _WORD_BEFORE.search(text, max(0, start - 30), start)) is not None \
                and prev.group(1) in place_names() and prev.group(1) not in firsts:
            return  # "Glasgow Fair Monday", "Edinburgh Festival": a word after a place names an event, not a person
        if ROOM_AFTER.match(text, end):
            return  # "The Grace Kelly suite": a room named after a person
        if business_name(text, end):
            return  # "Tan & Deliver": a business's name ("Amy & Ben" stay people)
        if BRAND_CAPITALS.search(text[start:end]):
            return  # "CareCredit", "CoolSculpting": a brand's inner capital ("McDonald", "LaToya" stay names)
        outer = next(((s, e) for s, e in found if s <= start and end <= e), None)
        if outer is None:
            found[(start, end)] = (why, role)
        elif role == "patient":  # the same name seen again in a patient context
            found[outer] = (found[outer][0] + f"; {why}", role)

    for m in scan(_TITLE, text, folded):
        role = "clinician" if m.group(1).rstrip(".").lower() in _CLINICIANS else ""
        if m.group(2).split()[0] not in _STOP:
            owner = POSSESSIVE_END.search(text, m.start(2), m.end())  # "Mrs B. Adebayo's Estrogel": the name ends at 's
            add(m.start(), owner.start() if owner else m.end(), "a title before a name", role)
    for m in scan(_PATIENT_CONTEXT, text, folded):
        context = " ".join(text[m.start():m.start(2)].strip(" :,").split())
        if (context[0].isupper() and not at_sentence_start(text, m.start())
                and not _COLON_BEFORE.search(text, max(0, m.start() - 3), m.start())  # "Review reply: Thank you Keyana!"
                and m.group(2).split()[0] not in firsts):
            continue  # a title-case name of a thing ("coached Little League"), not "little Amy"
        if m.group(2).split()[0] in _PARTICLES or m.group(2).split()[0] in FUNCTION_WORDS:
            continue  # "Reach Out and Read": a programme's name, not "reach Amy"
        if (m.group(2).split()[0] in _NOT_CONTACTS or m.group(2).split()[0] in NOT_NAMES
                or (m.group(2) in place_names() and m.group(2) not in firsts)
                or (m.group(2).split()[0] in place_names() and m.group(2).split()[0] not in firsts)
                or ((nxt := _NEXT.match(text, m.end(2))) is not None and nxt.group(1) in INSTITUTIONS)):
            continue  # "Thanks Reception!", "Mahalo Honolulu!", "a letter to Ward 4": a desk, a place or a ward, not a person
        add(m.start(2), m.end(2), f"a name after “{context}”", "patient" if m.group(1) else "")
    for m in scan(_GREETING, text, folded):
        if m.group(1).lower() not in NOT_NAMES_AFTER_GREETING:
            add(m.start(1), m.end(1), "a name after a greeting")
    for m in scan(_NAME_AGE, text, folded):
        add(m.start(1), m.end(1), "a name followed by an age")
    for m in scan(_NAME_ID, text, folded):
        add(m.start(1), m.end(1), "a name followed by a birth date or record number")
    for m in scan(_POSSESSIVE_HEALTH, text, folded):
        nxt = _NEXT.match(text, m.end(1))
        if _SAINT_BEFORE.search(text, max(0, m.start(1) - 7), m.start(1)) or (nxt and nxt.group(1) in _EVENT_WORDS):
            continue  # "St James's Hospital", "Guy's Hospital": an institution
        start = m.start(1)
        prev = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if (prev is not None and prev.group(1) not in _STOP and prev.group(1) not in place_names()
                and (prev.group(1) in firsts or (prev.group(1).lower() not in common_words()
                                                 and not at_sentence_start(text, prev.start(1))))  # not "Enrol Radomir's"
                and not _after(_PLACE_WORD_BEFORE, text, prev.start(1))):
            start = prev.start(1)  # "Olumide Adebayo's sertraline": the first name too
        add(start, m.end(1), "a possessive name before a health term")
    for m in scan(_POSSESSIVE_RECORD, text, folded):
        if m.group(1).lower() not in OWNER_WORDS:  # "Driver's licence", "the Patient's chart"
            add(m.start(1), m.end(1), "a possessive name before a personal record or document", name_word=True)
    for m in scan(_POSSESSIVE_FAMILY, text, folded):
        if m.group(1).lower() not in OWNER_WORDS:
            add(m.start(1), m.end(1), "a possessive name before a family member", name_word=True)
    for m in scan(_PERSON_VERB, text, folded):
        if not _after(_PLACE_OR_OBJECT_WORD_BEFORE, text, m.start(1)):
            add(m.start(1), m.end(1), "a name before a verb of someone's own story")
    for m in scan(_NAME_FROM, text, folded):
        first_word = m.group(1).split()[0]
        if first_word in all_first_names() or first_word.lower() not in common_words():  # not "Texts from Lakeshore"
            add(m.start(1), m.end(1), "a name at the start of a sentence, followed by where the person is from")
    for m in scan(_FAMILY, text, folded):
        word = m.group(1)
        if word not in NOT_NAMES and (word in lasts or word.lower() not in common_words()):
            add(m.start(1), m.end(1), "a surname naming a family")
    for m in scan(_SUBJECT_THEN_PRONOUN, text, folded):
        word = m.group(1).split()[0]
        if (word not in NOT_NAMES and word not in _NOT_CONTACTS and word not in FUNCTION_WORDS
                and word.lower() not in _SOMEONE):
            add(m.start(1), m.end(1), "a word opening a sentence as a person who asks, calls or books, with a pronoun for them")
    for m in scan(_LOWER_SUBJECT, text, folded):
        words = m.group(1).split()
        if words[0].capitalize() in firsts and words[0] not in common_words():
            add(m.start(1), m.end(1), "a name in lower case doing what a person does")
    for m in scan(_NAME_PATIENT_APPOSITIVE, text, folded):
        if m.group(1).split()[0] not in NOT_NAMES:
            add(m.start(1), m.end(1), "a name the sentence calls a patient", "patient")
    for m in scan(_BYLINE, text, folded):
        add(m.start(1), m.end(1), "a testimonial byline", "patient")
    for m in scan(_VOCATIVE_OPENING, text, folded):
        word = m.group(1)
        # a listed first name, even a month's or a season's ("Summer, your..."); a name that is also a word only
        # when it is no weekday, month or greeting ("Sunday, we're closed")
        if at_sentence_start(text, m.start(1)) and (word in firsts or (word in word_first_names() and word not in NOT_NAMES)):
            add(m.start(1), m.end(1), "a first name opening a message, spoken to", name_word=True)
    slotted: list[tuple[int, int]] = []  # names where a person stands, added after the listed ones
    for m in scan(_TOKEN, text, folded):
        token = m.group(0)
        possessive = token.endswith(("'s", "’s"))
        word = token[:-2] if possessive else token
        first = word in firsts or _compound_first(word, firsts)  # "Jamie-Lee", "Mary-Kate"
        if word in _STOP:
            if word in firsts and word not in FUNCTION_WORDS and not possessive:  # "Deliver to Summer O'Sullivan"
                nxt = _NEXT.match(text, m.end())
                if (nxt is not None and nxt.group(1) not in _STOP
                        and (nxt.group(1) in lasts or (nxt.group(1).lower() not in common_words()
                                                       and nxt.group(1) not in place_names()))
                        and nxt.group(1) not in _EVENT_WORDS and not _STREET.match(text, m.end())
                        and not at_sentence_start(text, m.start())):
                    add(m.start(), nxt.end(), "a first name that is also a word, before a listed surname", name_word=True)
            continue
        if first or word in lasts or word.lower() not in common_words() or _contact_or_thanks_before(text, m.start()):
            span = _slot_name(text, m.start(), firsts, lasts)
            if span is not None:
                slotted.append(span)
        after = text[m.end():m.end() + 1]
        nxt = _NEXT.match(text, m.end()) if after.isspace() or after in ("'", "’") else None
        if (not first and not possessive and word in word_first_names()
                and _unlisted_surname_then_verb(text, m.end(), nxt)):
            add(m.start(), nxt.end(), "a first name that is also a word, before a surname and a verb")  # "Precious Okafor dropped off"
            continue
        if (not first and not possessive and nxt and _GAELIC_SURNAME.fullmatch(nxt.group(1)) and word not in _STOP
                and word.isalpha() and not _after(_PLACE_WORD_BEFORE, text, m.start())):
            add(m.start(), nxt.end(), "a capitalised word before a Mac, Mc or O' surname")  # "Ruaridh MacLeod"
            continue
        if not first:  # an unlisted first name before a listed surname, not a verb ("Serving Austin")
            if (nxt and nxt.group(1) in lasts and nxt.group(1) not in _STOP and nxt.group(1) not in _EVENT_WORDS
                    # "Jae Park needs his schedule": a place's word as a surname, before what a person does
                    and (nxt.group(1) not in PLACE_FEATURES or _PERSON_ACTS_AFTER.match(text, nxt.end()))
                    and not possessive
                    and not (word.endswith("ing") and word.lower() in common_words())
                    and not _after(_PLACE_WORD_BEFORE, text, m.start())
                    and not _STREET.match(text, m.end()) and word not in place_names()):  # not "Omaha Storm Chasers"
                add(m.start(), nxt.end(), "a capitalised word before a surname from the name list")
            continue
        street = _STREET.match(text, m.end())
        if (street and not _PERSON_ACTS_AFTER.match(text, street.end())) or (
                _after(IN_AT_NEAR, text, m.start()) and not possessive):
            continue  # "Grace Street", "the patient in Kenton": a place ("Jae Park needs his" is a person)
        if text[m.end():m.end() + 1] == "." and text[m.end() + 1:m.end() + 3].strip()[:1].islower():
            continue  # "Reg. no.": an abbreviation
        if second_of_proper_name(text, m.start()):
            continue
        if possessive and nxt and (nxt.group(1) in _EVENT_WORDS or nxt.group(1) in _LANDMARKS):
            continue  # "Valentine's Day", "Mother's Day": an occasion; "Arthur's Seat": a place
        if not possessive and opens_before_determiner(text, m.start(), m.end()):
            continue
        if PLACE_PREFIX_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # "Lake Harriet", "Mount Hope": a place
        if not possessive and nxt and (nxt.group(1) in OCCASIONS or nxt.group(1) in INSTITUTIONS):
            continue  # "Lei Day", "Rose Festival": an occasion named after a word that is also a first name; "Sophia Gardens"
        listed_surname = bool(nxt) and (nxt.group(1) in lasts or re.fullmatch(r"[A-Z]\.", nxt.group(1)) is not None)
        if word in AMBIGUOUS_FIRST:  # "Austin Marathon": a word that is also a name needs a listed surname
            if not listed_surname:
                continue
            has_surname = True
        else:
            has_surname = listed_surname or (bool(nxt) and nxt.group(1) not in _STOP and nxt.group(1) not in firsts
                                             and not possessive)
        if (not has_surname and not possessive and DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start())
                and _LOWER_WORD_AFTER.match(text, m.end())):
            continue  # "to the Mayo list", "the Banner team": a name that modifies a thing after a determiner
        end = nxt.end() if has_surname and nxt else m.start() + len(word)
        if has_surname and nxt and (after := _NEXT.match(text, nxt.end())) is not None and named_building(
                f"{word} {nxt.group(1)} {after.group(1)}"):
            continue  # "Grace Williams Hall": a building named after a person
        add(m.start(), end, "a first name from the name list" + (" and a surname" if has_surname else ""))
    for m in scan(_UPPER_TOKEN, text, folded):
        word, last = m.group(0).split()[0].capitalize(), (m.group(1) or "").capitalize()
        if word in firsts and word not in AMBIGUOUS_FIRST and word not in _STOP:
            with_last = bool(last) and last not in _STOP and (last in lasts or last.lower() not in common_words())
            if (not with_last and word not in first_names()
                    and not _SLOT_VERB_BEFORE.search(text, max(0, m.start() - 20), m.start())):
                continue  # one upper-case word off the main lists is an acronym as often ("VIN", "IBAN", "DEA")
            if not with_last and DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "both in the NICU": a unit or a service after a determiner, not a person
            add(m.start(), m.end() if with_last else m.start() + len(word), "a first name from the name list, in capitals")
        elif (last in lasts and last not in _STOP and last not in _EVENT_WORDS and word not in _STOP
              and _SLOT_VERB_BEFORE.search(text, max(0, m.start() - 20), m.start())):  # "an SMS for HORACE REDDY"
            add(m.start(), m.end(), "a name in capitals where a person stands, with a surname from the name list")
    for span in slotted:
        add(*span, "a name where a person stands (the object of a message, or someone addressed)")
    out = []
    for (start, end), (why, role) in sorted(found.items()):
        if role == "clinician":
            continue  # a clinician named with a title is not a patient identifier
        if role == "patient" or _HEALTH.search(sentence_of(text, start, end)):
            kind = "name_health"
            why += ", with health information in the same sentence" if role != "patient" else ""
        else:
            kind = "name"
        out.append(Hit(start, end, kind, why))
    return out
