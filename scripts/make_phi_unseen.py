"""Write the unseen PHI test set: texts from templates and value pools that neither the rules nor the name and
date tagger were built from.

    python scripts/make_phi_unseen.py            # writes data/phi/unseen_a.jsonl and data/phi/unseen_b.jsonl

Nothing here is shared with `make_phi_set.py` (the rules' labelled set) or `make_phi_train.py` (the tagger's
training corpus): its own templates (front-desk briefs, CRM notes, review replies, recall SMS, TikTok
scripts), its own name pool (hand-picked across the communities UK and US clinics serve, not Faker's lists)
and its own number formats. Templates alternate between two halves: `unseen_a` may be read to find what the
detector misses; `unseen_b` is only ever scored, never read, so its figure stays a first look.

Each slot in a template is `{type}` or `{type:variant}`; its filled text is a gold span of that type. Hard
negatives (no slots) carry the practice's own details, helplines, clinicians with titles or post-nominals,
screening invitations and campaign copy full of capitalised words, dates and numbers that are no one's.
"""

from __future__ import annotations

import json
import random
import re
import string
from pathlib import Path

R = random.Random(20261204)

FIRST = """Chukwuemeka Ifeoma Tobiloba Adaeze Babatunde Folake Obinna Temitope Nnamdi Yetunde Harpreet Gurdeep
Manpreet Priyanka Sandeep Farhan Tasneem Rukhsana Venkatesh Lakshmi Anand Shreya Baljit Navdeep Xiaoling Jiahui
Zhiwei Wen Liang Meiling Yusuf Layla Khalid Noor Hamza Mariam Abdullah Samira Tariq Rania Wojciech Małgorzata
Grzegorz Zofia Krzysztof Bartosz Agata Guadalupe Alejandro Ximena Joaquín Valentina Rocío Santiago Itzel Marisol
Destiny Joy Dawn Summer Hope Faith Grace Rose Hunter Chase Sky Autumn June Megan Carter Kayden Brayden Jaylen
Nevaeh Aaliyah Imani Malik Darnell Shanice Ebony Tremaine Bronwen Eilidh Ruairi Oisín Caoimhe Dervla Hywel
Siân Gethin Morven Fergus Elspeth Percival Winifred Mildred Cyril Horace Ethel Gladys""".split()
LAST = """Okonkwo Eze Balogun Adeleke Nwosu Oyelaran Sandhu Gill Dhillon Chaudhry Nair Reddy Bhattacharya Qureshi
Zhang Liu Huang Xu Zhou Haddad Mansour Al-Farsi Nasser Wiśniewski Kamiński Zieliński Lewandowska Ramírez Castillo
Morales Vargas Delgado Carter Bennett Fairweather Pritchard Llewellyn MacAulay Fitzgerald O'Sullivan Washington
Jefferson Boateng Asante Mbeki Nakamura Fernandes Kovačević""".split()
MONTHS = "January February March April May June July August September October November December".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def d(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


def up(n: int) -> str:
    return "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def name(variant: str = "") -> str:
    first, last = R.choice(FIRST), R.choice(LAST)
    if variant == "first":
        return first
    if variant == "caps":
        return f"{first} {last}".upper()
    return R.choice([first, f"{first} {last}", f"{first} {last}", f"{first} {last[0]}."])


def date(variant: str = "") -> str:
    day, month, year = R.randint(1, 28), R.randint(1, 12), R.randint(2025, 2027)
    if variant == "birth":
        year = R.randint(1930, 2015)
        return R.choice([f"{day:02d}.{month:02d}.{year}", f"{month}/{day}/{str(year)[2:]}", f"{day} {MONTHS[month - 1][:3]} {year}",
                         f"{MONTHS[month - 1]} {day}, {year}", f"{year}-{month:02d}-{day:02d}", f"{day}/{month}/{year}"])
    wd = R.choice(DAYS)
    return R.choice([f"{wd[:3]} {month}/{day}", f"{day:02d}.{month:02d}.{str(year)[2:]}", f"{MONTHS[month - 1][:3]}. {day}",
                     f"{wd}, {MONTHS[month - 1]} {day}", f"{day}/{month}", f"{wd} {day} {MONTHS[month - 1]}",
                     f"{month}/{day}", f"the {day}{'th' if 10 < day < 14 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')} of {MONTHS[month - 1]}",
                     f"{MONTHS[month - 1]} {day}", f"{day} {MONTHS[month - 1][:3]}"])


def age(variant: str = "") -> str:
    return str(R.randint(90, 104))


def phone(variant: str = "") -> str:
    if variant == "us":
        a = R.choice(["312", "919", "503", "720", "602", "305", "718"])
        x, n = str(R.randint(2, 9)) + d(2), d(4)
        return R.choice([f"({a}) {x}-{n}", f"{a}-{x}-{n}", f"{a}.{x}.{n}", f"+1 ({a}) {x} {n}"])
    mob = "7" + R.choice("4579") + d(8)
    return R.choice([f"0{mob[:4]} {mob[4:7]} {mob[7:]}", f"+44 7{mob[1:4]} {mob[4:]}", f"0{mob}", f"(0{mob[:4]}) {mob[4:]}"])


def email(variant: str = "") -> str:
    first, last = R.choice(FIRST).lower(), R.choice(LAST).lower()
    first = re.sub(r"[^a-z]", "", first) or "pat"
    last = re.sub(r"[^a-z]", "", last) or "lee"
    return R.choice([f"{first}.{last}{d(2)}@outlook.com", f"{first}{d(3)}@yahoo.co.uk", f"{first[0]}{last}@icloud.com",
                     f"{last}.{first}@proton.me"])


def nhs(variant: str = "") -> str:
    while True:
        body = str(R.randint(4, 9)) + d(8)
        check = 11 - sum(int(x) * w for x, w in zip(body, range(10, 1, -1))) % 11
        check = 0 if check == 11 else check
        if check != 10:
            n = body + str(check)
            return R.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n])


def ssn(variant: str = "") -> str:
    a = R.choice([x for x in range(100, 772) if x != 666])
    return f"{a:03d}-{R.randint(10, 99):02d}-{R.randint(1000, 9999):04d}"


def mrn(variant: str = "") -> str:
    return R.choice([f"{up(2)}-{d(6)}", f"{up(1)}{d(4)}-{d(1)}", f"RX{d(7)}", f"P-{d(5)}", f"{d(4)}/{d(5)}", f"{up(3)}{d(5)}{up(1)}"])


def license(variant: str = "") -> str:
    return R.choice([f"{up(5)}{d(6)}{up(2)}{d(1)}{up(2)}", d(9), f"{up(1)}{d(8)}", f"{up(1)}{d(3)}-{d(4)}-{d(4)}", f"{up(2)}{d(7)}"])


def vehicle(variant: str = "") -> str:
    if variant == "vin":
        return vin()
    return R.choice([f"{up(2)}{d(2)} {up(3)}", f"{d(1)}{up(3)}{d(3)}", f"{up(3)}-{d(4)}", f"{up(2)}{d(2)}{up(3)}"])


def vin() -> str:
    values = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    v = [R.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)]
    total = sum(values[c] * w for c, w in zip(v, weights)) % 11
    v[8] = "X" if total == 10 else str(total)
    return "".join(v)


def device(variant: str = "") -> str:
    return R.choice([f"{up(1)}{d(7)}", f"{d(4)}-{up(2)}-{d(3)}", f"{up(2)}{d(2)}{up(1)}{d(5)}", f"00{up(1)}{d(1)}-{d(4)}-{up(2)}"])


def url(variant: str = "") -> str:
    handle = re.sub(r"[^a-z]", "", R.choice(FIRST).lower()) + R.choice(["_", ".", ""]) + re.sub(r"[^a-z]", "", R.choice(LAST).lower())
    return R.choice([f"mychart.example.org/patient/{d(5)}", f"portal.healthhub.example/profile?id={d(4)}",
                     f"instagram.com/{handle}", f"tiktok.com/@{handle}{d(2)}", f"facebook.com/{handle}.{d(2)}",
                     f"https://records.example.net/p/{up(2)}{d(6)}"])


def postcode(variant: str = "") -> str:
    return R.choice(["LS7 3QW", "IG1 3QW", "NG7 2RD", "PL4 8AA", "SA1 5DZ", "HU5 2LT", "CV1 4FS", "TN23 1HB", "KY16 9AJ", "BT9 6AD"])


def zip_code(variant: str = "") -> str:
    return R.choice(["78704", "10027", "94610", "60614", "27601", "85004", "33133", "97214", "80205"])


def address(variant: str = "") -> str:
    if variant == "us":
        return R.choice([f"{R.randint(12, 9800)} Larkspur Ave, Apt {R.randint(1, 30)}, Oakland, CA 94610",
                         f"{R.randint(12, 9800)} N Halsted St, Chicago, IL 60614", f"{R.randint(12, 999)} Poplar Blvd, Raleigh, NC 27601"])
    return R.choice([f"Flat {R.randint(1, 20)}, {R.randint(1, 200)} Cranbrook Rise, Ilford IG1 3QW",
                     f"{R.randint(1, 200)} Beeston Road, Nottingham NG7 2RD", f"{R.randint(1, 90)} Mutley Plain, Plymouth PL4 8AA"])


def media(variant: str = "") -> str:
    return R.choice(["recovery photo", "progress pics", "post-op selfie", "close-up face photo", "clinical photos",
                     "before-and-after photos", "smile makeover video", "X-ray images", "wound photos", "treatment video"])


def biometric(variant: str = "") -> str:
    return R.choice(["palm-vein scan", "fingerprint scan", "facial recognition template", "voiceprint", "iris scan",
                     "retina scan", "face scan data", "fingerprint template"])


def health(variant: str = "") -> str:
    return R.choice(["diabetic foot check", "knee rehab", "ACL surgery", "sensitive teeth", "cholesterol results",
                     "allergy shots", "HbA1c test", "asthma review", "pelvic floor physio", "gum disease treatment",
                     "migraine medication", "INR check"])


FILL = {"name": name, "date": date, "age_90_plus": age, "phone": phone, "email": email, "nhs_number": nhs, "ssn": ssn,
        "mrn": mrn, "license": license, "vehicle": vehicle, "device": device, "url": url, "postcode": postcode,
        "zip": zip_code, "address": address, "media_ref": media, "biometric": biometric, "recipient_condition": health}

POSITIVE = """
Draft an SMS for {name:caps} reminding them about the hygiene visit.
Please send {name:first} the reminder about the {date} appointment.
Link it to {name:first}'s record before the follow-up goes out.
We missed you on {date}, {name:first}! Tap to rebook.
{name:first}, your consultation details for {date} are below.
Hi {name:first}, your {recipient_condition} is due.
Your {recipient_condition} is going well, keep up the exercises.
Since your {recipient_condition} we have moved you to the Thursday group.
{name:first}, thanks for visiting about your {recipient_condition}!
Reminder: {name} is booked in on {date} at 10:15.
Script idea: open on {name:first} at reception, then cut to the chair.
Caption for the clip with {name:caps}: first week after braces.
Happy birthday to our lovely {name:first}, who turns {age_90_plus} this week!
We are celebrating {name:first}'s {age_90_plus}th with cake in the waiting room.
At {age_90_plus}, {name:first} still walks to every physio session.
Pull {name:first}'s {media_ref} from the shared drive for the carousel.
Use the {media_ref} from last week's implant case on the landing page.
Post the {media_ref} of {name} on Friday.
Her {media_ref} went viral on our page, so ask her to sign the consent form.
Clinic door now opens with a {biometric}; {name:first}'s was enrolled today.
Store the {biometric} for {name} in the access system.
Patient parked in bay 3, reg {vehicle}, please move before 5pm.
His car, plate {vehicle}, was left in the staff car park overnight.
VIN {vehicle:vin} belongs to the patient transport van assigned to {name}.
Hearing aid S/N {device} is ready for {name:first} to collect.
Pump serial no. {device} was swapped at the last visit.
Chart #{mrn} needs the consent form scanned.
MRN: {mrn} - please update the allergy list.
Record {mrn} shows the next recall.
Hospital no. {mrn} has been added to the theatre list for {date}.
Passport number {license} was used to verify the new registration.
Driving licence no. {license} on file for {name}.
Copy {name:first}'s licence {license} into the ID check box.
Her patient portal: {url}
Send the feedback link to {url} once {name:first} has been discharged.
Share it with her at {url}
New patient lives at {address:uk}.
Mail the aligners to {address:us}.
Deliver to {name}, {address:uk}.
She moved to {postcode} last month so update the practice list.
Home ZIP {zip} is outside our service area.
Austin, TX {zip} is where the mobile unit will meet him.
Call {name:first} back on {phone:uk} about the {date} slot.
Her mobile is {phone:us}, text when the crown arrives.
Reply to {email} with the forms.
Your NHS number is {nhs_number}.
Social security number: {ssn}
SSN {ssn} was entered twice on the intake form.
DOB {date:birth}, allergic to penicillin.
Born {date:birth} - needs the over-75 health check.
Your cleaning is booked for {date} at 2pm.
See you on {date} for the filling.
Your next appointment: {date} at 9:40am.
{name:caps} - CHECK-IN {date}
Sending love to {name:first} and family after the surgery.
Big thanks to {name:first} for letting us share the {media_ref}.
Texting {name:first} on {date} about the biopsy.
Huge shout out to {name} for finishing the couch-to-5k after knee surgery.
Hi {name:first}! Your whitening trays are ready.
""".strip().splitlines()

NEGATIVE = """
Children's check-ups in the school holidays: book a slot for the whole family.
Book your Botox appointment today and ask about our spring prices.
Feeling unwell out of hours? Call NHS 111 or visit 111.nhs.uk.
If you are in crisis, call or text 988 any time.
Samaritans are free to call on 116 123, day or night.
Text SHOUT to 85258 for free, confidential support.
Dr Funmi Adeyemi leads our Saturday family clinic.
Mr Rajiv Menon FRCS performs knee arthroscopy at the Leeds site.
Meet Sarah Okoye MCSP, our new pelvic health physio.
Join Nurse Practitioner Bola Adebayo for the menopause evening.
NHS bowel cancer screening kits are posted to everyone aged 50 to 74 every 2 years.
Breast screening is offered to women aged 50 to 71; look out for your invitation letter.
Our Summer Smile offer runs until 31 August.
Joy, Hope and Grace are the three values our team lives by.
June is Men's Health Month: book a free blood pressure check.
Clinic open Saturday 14 March, 9am to 1pm.
Flu season runs from October to March, so book early.
Serving Harrow, Wembley and Kingsbury since 1998.
Park in bay B12 or use the Pay and Display on Chapel Street.
Use code SMILE25 for 25% off your first hygiene visit.
Patients aged 90 or older can ask for a home visit.
Free health checks for adults aged 40 to 74.
Book online at larkspurdental.example or call 0113 496 0321.
Find us at 18 Cranmer Road, Leeds LS7 4HB.
Email frontdesk@larkspurdental.example with any questions.
BOOK NOW - LIMITED SLOTS THIS SPRING
Our Model X200 electric toothbrush is £39 this week.
Open Mon to Fri 8am to 6pm, Sat 9am to 12pm.
Ask Tomasz Wiśniewski at the front desk about payment plans.
The TikTok trend of DIY braces can damage teeth.
Watch our video on how to floss properly.
Before-and-after results vary from person to person.
Our new fingerprint sign-in for staff saves time at the front desk.
Registration is open for new NHS patients in LS7 and LS8.
Summer holiday opening hours: closed 25 to 27 August.
Dr Ananya Rao MBBS MRCGP is taking new appointments from 3 June.
Version 2.3 of the app adds appointment reminders.
Our 1-800 line is open 24/7: 1-800-273-8255.
CALM offers free support on 0800 58 58 58.
Ages 12+ can book the HPV catch-up jab.
Meet Rose, our therapy dog, every Tuesday.
Kids under 5 can come to the teddy bear clinic on Saturday.
Check your ZIP code on our website to find the nearest clinic.
Live in Bristol, Bath or Swindon? We have clinics near you.
FREE DELIVERY on orders over £40 in the UK.
Hunter Valley Dental is now part of our group.
Grace Street Physiotherapy is moving on 1 May.
Our X-ray machine was replaced in 2024 for lower-dose imaging.
The Christmas Eve clinic runs 9am to noon.
""".strip().splitlines()

BRAND = {"practice_name": "Larkspur Family Dental", "sender_id": "Larkspur", "phone": "0113 496 0321",
         "email": "frontdesk@larkspurdental.example", "website": "larkspurdental.example",
         "postal_address": "18 Cranmer Road, Leeds LS7 4HB", "staff_names": ["Dr Funmi Adeyemi", "Tomasz Wiśniewski"]}

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


def fill(template: str) -> tuple[str, list[dict]]:
    out, spans, pos = "", [], 0
    for m in _SLOT.finditer(template):
        out += template[pos:m.start()]
        value = FILL[m.group(1)](m.group(2) or "")
        spans.append({"start": len(out), "end": len(out) + len(value), "type": m.group(1)})
        out += value
        pos = m.end()
    return out + template[pos:], spans


def main() -> None:
    halves: dict[str, list[dict]] = {"a": [], "b": []}
    for kind, templates, copies in (("pos", POSITIVE, 5), ("neg", NEGATIVE, 1)):
        for t, template in enumerate(templates):
            half = "ab"[t % 2]
            for c in range(copies):
                text, spans = fill(template)
                halves[half].append({"id": f"{kind}-{t:03d}-{c}", "text": text, "spans": spans, "brand": BRAND,
                                     "template": t})
    for half, rows in halves.items():
        path = Path(__file__).resolve().parents[1] / "data" / "phi" / f"unseen_{half}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{path.name}: {len(rows)} texts")


if __name__ == "__main__":
    main()
