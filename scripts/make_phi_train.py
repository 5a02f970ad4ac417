"""Write the name and date tagger's training corpus: generated marketing, reminder, review-reply and brief texts
with every person's name and every date of one person's care or birth marked.

    python scripts/make_phi_train.py            # writes data/phi/tagger_train.jsonl (fixed seed: reproducible)

Names come from Faker's person providers in the locales the detector reads (the same lists the tagger sees as
a feature), and a share from locales it does not read, so the tagger learns names from context as well as from
the lists. Dates of a campaign, an opening time or a deadline are left unmarked: only a date in a message about
one person is PHI. Capitalised words that are not people (places, brands, products, months, headings, staff
roles) fill the negatives. Nothing here is shared with `make_phi_unseen.py`, which builds the test set.
"""

from __future__ import annotations

import importlib
import json
import random
import re
from pathlib import Path

R = random.Random(20261205)
QUOTED = random.Random(20261207)  # its own stream: the texts drawn from R are the same with or without quoting
# A text pasted inside quotes after a lead-in, as a caption or testimonial is written in a brief: the words
# inside read as they would on their own.
LEADS = ("Caption:", "Caption idea:", "Post idea:", "Draft:", "Testimonial:", "She wrote:", "Quote for the newsletter:",
         "Story for Instagram:", "New review:", "Use this line:")
QUOTES = (('"', '"'), ("“", "”"), ("'", "'"))

READ = ("en_GB", "en_US", "en_IE", "en_IN", "es_ES", "fr_FR", "de_DE", "pl_PL", "pt_BR", "yo_NG", "tr_TR", "it_IT")
UNREAD = ("ar_AA", "fa_IR", "hi_IN", "zh_CN", "ja_JP", "ko_KR", "vi_VN", "fil_PH", "sw", "tw_GH", "uk_UA",
          "cs_CZ", "hu_HU", "el_GR", "hr_HR", "fi_FI", "da_DK", "lv_LV", "lt_LT", "sk_SK", "sl_SI", "et_EE", "id_ID")


def _faker_names(locales: tuple[str, ...], attrs: tuple[str, ...]) -> list[str]:
    out: set[str] = set()
    for loc in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for attr in attrs:
            for n in getattr(provider, attr, ()) or ():
                if re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž'’-]+", n):
                    out.add(n)
    return sorted(out)


FIRST = _faker_names(READ, ("first_names", "first_names_male", "first_names_female"))
LAST = _faker_names(READ, ("last_names",))
FIRST_UNREAD = sorted(set(_faker_names(UNREAD, ("first_names", "first_names_male", "first_names_female"))) - set(FIRST))
LAST_UNREAD = sorted(set(_faker_names(UNREAD, ("last_names",))) - set(LAST))
WORD_NAMES = "Joy Dawn Summer Hope Faith Grace Rose Hunter Chase Sky Autumn June May April Destiny Will Mark Bill Ruby Holly".split()

MONTHS = "January February March April May June July August September October November December".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
PLACES = ("Leeds Croydon Harrow Salford Dundee Swansea Derby Luton Brooklyn Queens Tampa Boise Tucson Fresno Omaha "
          "Camden Hackney Ealing Kingston Preston Chester Austin Denver Houston Phoenix Dallas").split()
BRANDS = ("BrightSmile Dental|Oakwood Physio|Parkside Pharmacy|Northgate Medical|Bluebell Aesthetics|Harbour View Clinic"
          "|Maple Family Practice|CityCare Urgent Care|Lakeside Orthodontics|Riverbank Vets").split("|")
PRODUCTS = "Invisalign Botox Ozempic Wegovy Sensodyne Oral-B Fitbit Zoom WhatsApp Instagram TikTok Google Trustpilot".split()
ACRONYMS = "CBT IVF COPD IBS ACL MRI HPV BMI NHS GP A&E ADHD PTSD UTI HRT PRP IUD STI ECG CT MMR RSV".split()
VERBS = "Walk Ask Call Book Pop Drop Text Visit Join Try Bring Come Grab Learn Find Get Check Save Discover Treat Protect Beat Start".split()
ROLES = "Receptionist Hygienist Physio Pharmacist Optometrist Nurse Practitioner Dentist Therapist".split()


def first() -> str:
    r = R.random()
    if r < 0.12:
        return R.choice(WORD_NAMES)
    return R.choice(FIRST_UNREAD if r < 0.4 and FIRST_UNREAD else FIRST)


def last() -> str:
    return R.choice(LAST_UNREAD if R.random() < 0.3 and LAST_UNREAD else LAST)


def person() -> str:
    r = R.random()
    n = first() if r < 0.45 else f"{first()} {last()}" if r < 0.85 else f"{first()} {last()[0]}."
    return n.upper() if R.random() < 0.1 else n


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 < day < 14 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def date(birth: bool = False) -> str:
    day, month = R.randint(1, 28), R.randint(1, 12)
    year = R.randint(1925, 2012) if birth else R.randint(2024, 2027)
    m, wd = MONTHS[month - 1], R.choice(DAYS)
    forms = [f"{day}/{month}/{year}", f"{day:02d}/{month:02d}/{year}", f"{month}/{day}/{year}", f"{year}-{month:02d}-{day:02d}",
             f"{day} {m} {year}", f"{m} {day}, {year}", f"{m[:3]} {day} {year}", f"{_ordinal(day)} {m} {year}",
             f"{day}.{month}.{str(year)[2:]}", f"{day:02d}-{month:02d}-{year}"]
    if not birth:
        forms += [f"{wd} {day} {m}", f"{wd[:3]} {day}/{month}", f"{wd}, {m} {_ordinal(day)}", f"{m[:3]} {day}",
                  f"{m[:3]}. {_ordinal(day)}", f"{day}/{month}", f"{month}/{day}", f"{_ordinal(day)} {m}", f"{wd[:3]} {m[:3]} {day}",
                  f"{day:02d}.{month:02d}", f"{wd} the {_ordinal(day)}", f"{day} {m[:3]}"]
    return R.choice(forms)


def campaign_date() -> str:
    day, month = R.randint(1, 28), R.randint(1, 12)
    m = MONTHS[month - 1]
    return R.choice([f"{day} {m}", f"{m} {day}", f"{_ordinal(day)} {m}", f"{day}/{month}", f"{R.choice(DAYS)} {day} {m}",
                     f"{m[:3]} {day}", f"{day}/{month}/{R.randint(2025, 2027)}"])


# Slots: {P} a person, {F} a first name, {D} a date of their care, {B} a birth date (marked); {C} a campaign date,
# {PL} a place, {BR} a brand, {PR} a product, {RO} a staff role, {M} a month, {W} a weekday (unmarked).
PERSONAL = """
{GV} {P} {GC}
{GV} {F} {GC}
Our lovely {F} {GE}
{GP} {P}: {GE2}
At {AGE9}, {F} {GE}
{F}'s {GN} {GE}
Please {GV2} {P}.
Shoutout to {F} for trusting us with her {AC}!
We treated {F} for {AC} last spring.
After {AC} with us, {P} is back at work.
{P} from {PL} is our {ORD} {AC} patient!
{P} had {AC} on {D}.
Hi {F}, just a reminder that your appointment is on {D} at {T}.
{F}, your check-up is booked for {D}.
We missed you on {D}, {F}. Would you like to rebook?
See you on {D}, {F}!
Dear {P}, your review has moved to {D}.
Can you text {F} about the {D} slot?
Please ring {P} to confirm {D}.
Send {F} the aftercare leaflet before {D}.
Add {P} to the waiting list for {D}.
Put {F} down for the {T} on {D}.
Book {P} in with the hygienist on {D}.
Move {F}'s filling from {D} to {D}.
{P} was seen on {D} and needs a recall in six months.
{P} came in on {D} with toothache.
Note for {F}: your scan is on {D}.
{P} (DOB {B}) is due a medication review.
DOB: {B}. Name: {P}.
Patient: {P}, born {B}.
{P}, date of birth {B}, has asked for a copy of the letter.
Happy birthday {F}! We hope you have a lovely day.
Thanks {F}, we're so glad the new crown feels good.
Thank you {P} for the kind review!
So sorry to hear that, {F}. Please call us so we can help.
{F} - we'd love to see you again. Your next visit is {D}.
Write an email to {P} about her implant consult on {D}.
Make a TikTok with {F} showing the new waiting room.
Draft a text for {P}: the physio session on {D} is confirmed.
{P} asked us to move the session to {D}.
Reminder for {P} - {D} at {T}.
{P} cancelled {D}; offer the next free slot.
Ask {F} if the {D} time still works.
Congratulations {F} on finishing your course of treatment!
Welcome to the practice, {P}.
Good morning {F}, your prescription is ready.
It was lovely to meet {F} and {F} last week.
{F} and her son are booked for {D}.
{P} has been our patient since {D}.
Your hearing test is on {D}, {F}.
Hey {F}! Don't forget {D}.
Message {P} on WhatsApp about {D}.
Shout out to {P} for running the Great North Run after knee surgery!
{P} says the new aligners are comfortable.
{F} told us she was nervous, but the extraction on {D} went smoothly.
Could {P} bring the referral letter on {D}?
Chase {P} for the consent form.
Tell {F} the results are back.
Follow up with {P} after {D}.
We tried to call you on {D} about your blood test.
You are booked in for {D} at {T} with {RO} {F}.
Your appointment on {D} has been confirmed.
You visited us on {D}; how did we do?
Your last cleaning was on {D}, so you are due another.
Your vaccination is booked for {D}.
Your next injection is due on {D}.
{P}'s first visit was on {D}.
Please let {F} know that {D} is fully booked.
CC {P} on the discharge letter dated {D}.
""".strip().splitlines()

GENERAL = """
Our flu season starts on {C}.
The {PL} clinic runs from {C} to {C}.
Walk-in clinics until {C}; your GP can tell you more.
If you are eligible, book from {C}.
Your local pharmacy offers flu jabs from {C}.
Flu jabs are available from {C} at {BR}.
Our {PL} clinic opens on {C}.
Offer ends {C}. Book online at {BR}.
Closed on {C} for staff training.
Join us on {W} {C} for a free open evening.
New patients welcome in {PL} and {PL}.
Try {PR} with {BR} this {M}.
{BR} is now open on {W}s.
Our {RO} team is here {W} to {W}, 8am to 6pm.
Ask our {RO} about {PR}.
Book before {C} to get 20% off.
{M} is Mouth Cancer Action Month.
Spring into {M} with a free consultation.
FREE WHITENING CONSULTATIONS THIS {M}
Follow {BR} on {PR} for tips.
Visit {BR} in {PL} for walk-in appointments.
The {PL} Marathon is on {C}: good luck to every runner.
Free parking behind {BR} on {W}s.
Rated 4.9 on {PR} by our patients.
Our clinics in {PL}, {PL} and {PL} are open over the holidays.
We're closed from {C} to {C}.
Half-term kids' check-ups run until {C}.
{RO} appointments are available from {C}.
Summer opening hours start on {C}.
Sign up before {C} for the {PL} 10k.
Book your flu jab by {C}.
Your smile deserves the best: book with {BR} today.
Our {RO}s can help with sensitivity.
Meet the team at {BR} {PL}.
Call {BR} on {W} morning to book.
Winter is coming: book your vaccine before {C}.
Grace, Hope and Joy: the values behind {BR}.
Dr {P} leads the {PL} clinic.
{V} in between {TM} and {TM}, no appointment needed.
{V} in from {TM}, no booking needed.
Clinic dates: {C}, {C} and {C}.
Version {VER} of our app is out now.
Rated {RATE} by {N} patients.
{V} about the {AC} jab if you are {AGE}.
Our {AC} clinic runs on {W} {C}.
{V} your {AC} check at {BR}.
We have done our {ORD} {AC} this year!
{AC} and {AC} appointments available from {C}.
Product code {CODE}. {V} online.
{V} today: sessions last {N} minutes.
Clinic runs {TM}–{TM} in Room {N}.
{V} us on {W}s from {TM}.
Clinic open {W} {C}, 9am to 1pm.
Open {W} {C} and {W} {C} for walk-ins.
Late opening on {W} {C} until 8pm.
From {C}, {BR} will open at 8am.
Book your Botox appointment today at {BR}.
Children's check-ups all through {M} at {BR}.
Our {PL} team will be at the {PL} Show on {C}.
Call NHS 111 if you need help out of hours.
{BR}: free mini health checks on {W} {C}.
""".strip().splitlines()


def fill(template: str) -> tuple[str, list[dict]]:
    out, spans, pos = "", [], 0
    for m in re.finditer(r"\{(\w+)\}", template):
        out += template[pos:m.start()]
        slot = m.group(1)
        value, label = {
            "P": (person, "NAME"), "F": (lambda: first().upper() if R.random() < 0.08 else first(), "NAME"),
            "D": (date, "DATE"), "B": (lambda: date(birth=True), "DATE"), "C": (campaign_date, ""),
            "PL": (lambda: R.choice(PLACES), ""), "BR": (lambda: R.choice(BRANDS), ""), "PR": (lambda: R.choice(PRODUCTS), ""),
            "RO": (lambda: R.choice(ROLES), ""), "M": (lambda: R.choice(MONTHS), ""), "W": (lambda: R.choice(DAYS), ""),
            "T": (lambda: R.choice(["9am", "10:30", "2.15pm", "4pm", "11:45am", "noon"]), ""),
            "GV": (lambda: R.choice(["Send", "Call", "Text", "Ring", "Email", "Remind", "Thank", "Welcome", "Message", "Sending love to",
                                     "Say hi to", "Open on", "Cut to", "Film", "Feature", "Tag", "Invite", "Congratulate",
                                     "Texting", "Calling", "Emailing", "Ringing", "Tell", "Ask", "Pay", "Refund", "Check in",
                                     "Sending a big hug to", "Reminder for", "Flowers for", "Card for"]), ""),
            "GV2": (lambda: R.choice(["call", "text", "ring back", "email", "remind", "thank", "reschedule", "chase",
                                      "follow up with", "check on", "contact"]), ""),
            "GC": (lambda: R.choice(["about the slot.", "back on Monday.", "and family after the surgery.", "at reception.",
                                     "the reminder.", "to collect the retainer.", "in the access system.", "today.",
                                     "for the review!", "the new forms.", "about the biopsy.", "when the crown arrives."]), ""),
            "GE": (lambda: R.choice(["still walks to every session.", "turns 90 this week!", "is ready to collect.",
                                     "came in yesterday.", "is doing brilliantly.", "loved the new smile.", "went viral on our page."]), ""),
            "GE2": (lambda: R.choice(["reminder sent", "called, no answer", "paid in full", "needs a recall", "consent signed"]), ""),
            "GP": (lambda: R.choice(["Patient", "Client", "Caller", "Contact", "Customer", "Re", "Attn", "For"]), ""),
            "GN": (lambda: R.choice(["record", "file", "chart", "licence", "forms", "retainer", "photo", "results"]), ""),
            "AGE9": (lambda: str(R.randint(90, 104)), ""),
            "TM": (lambda: R.choice(["9.30", "11.45", "10:30", "12:00", "8am", "1.15pm", "17:00", "6.30pm"]), ""),
            "AC": (lambda: R.choice(ACRONYMS), ""), "V": (lambda: R.choice(VERBS), ""),
            "ORD": (lambda: R.choice(["1,000th", "500th", "100th", "2,000th", "10,000th"]), ""),
            "VER": (lambda: R.choice(["2.4.1", "3.0", "1.12", "5.2.0"]), ""),
            "RATE": (lambda: R.choice(["4.9/5", "4.8 out of 5", "5/5", "9.6/10"]), ""),
            "N": (lambda: str(R.choice([12, 20, 45, 300, 1200, 5000])), ""),
            "AGE": (lambda: R.choice(["70-79", "50+", "over 65", "aged 12 to 13", "65 or over"]), ""),
            "CODE": (lambda: R.choice(["DE-1842", "AB-220", "X200", "SPRING-26", "KT-7731"]), ""),
        }[slot]
        text = value()
        if label:
            spans.append({"start": len(out), "end": len(out) + len(text), "type": label})
        out += text
        pos = m.end()
    return out + template[pos:], spans


def sample() -> tuple[str, list[dict]]:
    """One text: one to three sentences, personal and general mixed."""
    parts = [R.choice(PERSONAL if R.random() < 0.6 else GENERAL) for _ in range(R.choice((1, 1, 2, 3)))]
    text, spans = "", []
    for p in parts:
        t, s = fill(p)
        if text:
            text += " "
        spans += [{**x, "start": x["start"] + len(text), "end": x["end"] + len(text)} for x in s]
        text += t
    if QUOTED.random() < 0.1:
        lead, (opening, closing) = QUOTED.choice(LEADS), QUOTED.choice(QUOTES)
        shift = len(lead) + 1 + len(opening)
        text = f"{lead} {opening}{text}{closing}"
        spans = [{**x, "start": x["start"] + shift, "end": x["end"] + shift} for x in spans]
    # "Dr {P}" names a clinician: marked a name all the same; the detector reads the title.
    return text, spans


def main(n: int = 12000) -> None:
    path = Path(__file__).resolve().parents[1] / "data" / "phi" / "tagger_train.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text, spans = sample()
            f.write(json.dumps({"id": f"train-{i:05d}", "text": text, "spans": spans}, ensure_ascii=False) + "\n")
    print(f"{path.name}: {n} texts")


if __name__ == "__main__":
    main()
