"""Write the labelled PHI set: SMS, email and TikTok copy with gold spans, and hard negatives.

    python scripts/make_phi_set.py > data/phi/phi_set.jsonl

Templates hold `{slot}`s; each slot is filled from hand-written pools in many written formats and its span
recorded as gold. Hard negatives carry a practice's own details (from its brand profile) and the numbers
marketing copy is full of: hours, prices, ages 65+, years, doses, short codes, product and promo codes.
The seed is fixed, so the file is reproducible; the detector is never consulted.
"""

from __future__ import annotations

import json
import random
import re
import string
import sys

R = random.Random(20261122)

FIRST = """Sarah James Mohammed Aisha Oluwaseun Siobhan Connor Mei Wei Carlos Lucia Agnieszka Tomasz Fatima
Kwame Chloe Olivia Amelia Harry Jack Noah Emily Sophie Jessica Daniel Rebecca Hannah Liam Aoife Niamh Ciaran Rhys
Cerys Megan Bethan Gareth Dylan Ravi Anjali Sunita Deepak Imran Zainab Yusuf Ahmed Omar Leila Nadia Elena Dmitri
Ivan Katarzyna Marta Ana Diego Sofia Mateo Jamal Tyrone Keisha Latoya DeShawn Brianna Ashley Tiffany Brandon Kevin
Jennifer Michael Linda Barbara Patricia Robert Susan Margaret Dorothy Edna Arthur Harold Ethel Doreen Winston
Chidi Ngozi Adebayo Thandiwe Kofi Ama Hiroshi Yuki Min-jun Ji-woo Thanh Linh Arjun Kavya Rohan Ishaan Saoirse
Eilidh Callum Isla Finlay Morag Graham Alison Colin Shona Beatrice Florence Maisie Freddie Alfie Reggie Theo""".split()
LAST = """Smith Jones Patel Khan Williams Brown Taylor Davies Evans Wilson Thomas Roberts Johnson Walker Wright
Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke Clark Turner Hill Scott
Cooper Morris Ward Moore King Watson Baker Harrison Morgan Okafor Adeyemi Mensah Nguyen Chen Wang Kowalski Nowak
Garcia Rodriguez Martinez Hernandez Lopez Gonzalez O'Brien Murphy Kelly Byrne McDonald Campbell Stewart Anderson
Macleod Sharma Singh Gupta Begum Hussain Ali Rahman Ahmed Iqbal Yilmaz Novak Ivanova Santos Silva Tanaka Kim Park""".split()
CONDITIONS = ["diabetes", "asthma", "anxiety", "depression", "back pain", "arthritis", "psoriasis", "migraines",
              "high blood pressure", "long covid", "endometriosis", "IBS", "sciatica", "a torn ACL", "COPD", "eczema"]
TREATMENTS = ["lip filler", "dental implants", "Invisalign", "root canal", "physio", "IVF", "knee replacement",
              "cataract surgery", "hip replacement", "veneers", "gastric balloon", "laser eye surgery", "CBT"]
UK_TOWNS = ["Leeds", "Bristol", "Manchester", "Cardiff", "Glasgow", "Norwich", "Bournemouth", "Sheffield", "Derby"]
US_CITIES = [("Springfield", "IL"), ("Austin", "TX"), ("Brooklyn", "NY"), ("Denver", "CO"), ("Tampa", "FL"),
             ("Portland", "OR"), ("Columbus", "OH"), ("Raleigh", "NC"), ("Phoenix", "AZ")]
STREETS = ["Oak Road", "Maple Ave", "Elm Street", "Queen's Park Avenue", "Station Road", "High Street", "Church Lane",
           "Victoria Road", "Mill Close", "Cedar Drive", "Park View", "Willow Way", "Sunset Blvd", "Kings Court"]
AREAS = ["212", "415", "312", "617", "713", "305", "206", "404", "512", "303", "646", "818"]


def d(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


def luhn_complete(prefix: str, length: int) -> str:
    body = prefix + d(length - len(prefix) - 1)
    for c in string.digits:
        n = body + c
        total = sum((int(x) * 2 - 9 if int(x) * 2 > 9 else int(x) * 2) if i % 2 else int(x)
                    for i, x in enumerate(reversed(n)))
        if total % 10 == 0:
            return n
    raise AssertionError


def nhs() -> str:
    while True:
        body = str(R.randint(4, 7)) + d(8)
        check = 11 - sum(int(x) * w for x, w in zip(body, range(10, 1, -1))) % 11
        check = 0 if check == 11 else check
        if check != 10:
            n = body + str(check)
            return R.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def uk_phone() -> str:
    mob = "7" + R.choice("3456789") + d(8)
    land = R.choice(["117", "161", "113", "121", "131", "1632"]) + d(6 if R.random() < 0.7 else 7)[:6]
    return R.choice([f"0{mob[:4]} {mob[4:]}", f"0{mob}", f"+44 {mob[:4]} {mob[4:]}", f"+44 (0){mob[:4]} {mob[4:7]} {mob[7:]}",
                     f"0{land[:3]} {land[3:6]} {land[6:]}".strip(), f"020 {d(4)} {d(4)}", f"0{mob[:4]}-{mob[4:]}"])


def us_phone() -> str:
    a, x, n = R.choice(AREAS), str(R.randint(2, 9)) + d(2), d(4)
    return R.choice([f"({a}) {x}-{n}", f"{a}-{x}-{n}", f"{a}.{x}.{n}", f"+1 {a} {x} {n}", f"1-{a}-{x}-{n}", f"{a}{x}{n}"])


def ssn() -> str:
    a = R.choice([x for x in range(1, 900) if x != 666])
    s = f"{a:03d}", f"{R.randint(1, 99):02d}", f"{R.randint(1, 9999):04d}"
    return R.choice(["-".join(s), " ".join(s)])


def ni() -> str:
    p = R.choice(["AB", "CE", "JK", "PR", "SW", "TZ", "WL", "HM"])
    n = d(6)
    return R.choice([f"{p} {n[:2]} {n[2:4]} {n[4:]} {R.choice('ABCD')}", f"{p}{n}{R.choice('ABCD')}"])


def mbi() -> str:
    L = "ACDEFGHJKMNPQRTUVWXY"
    c = [str(R.randint(1, 9)), R.choice(L), R.choice(L + string.digits), R.choice(string.digits), R.choice(L),
         R.choice(L + string.digits), R.choice(string.digits), R.choice(L), R.choice(L), d(1), d(1)]
    s = "".join(c)
    return R.choice([s, f"{s[:4]}-{s[4:7]}-{s[7:]}"])


def dea() -> str:
    digits6 = [R.randint(0, 9) for _ in range(6)]
    check = (digits6[0] + digits6[2] + digits6[4] + 2 * (digits6[1] + digits6[3] + digits6[5])) % 10
    return R.choice("ABFGM") + R.choice(string.ascii_uppercase) + "".join(map(str, digits6)) + str(check)


def iban() -> str:
    bban = "WEST" + d(14)
    rearranged = bban + "GB00"
    check = 98 - int("".join(str(int(ch, 36)) for ch in rearranged)) % 97
    s = f"GB{check:02d}{bban}"
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def vin() -> str:
    values = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    while True:
        v = [R.choice(chars) for _ in range(17)]
        total = sum(values[c] * w for c, w in zip(v, weights)) % 11
        v[8] = "X" if total == 10 else str(total)
        return "".join(v)


def postcode() -> str:
    return R.choice(["LS6 2AB", "M14 5RT", "BS8 1TH", "CF10 3NP", "G12 8QQ", "NR2 4PD", "BH8 9LA", "S10 2HE", "DE22 3NE",
                     "SW1A 1AA", "EH3 9DR", "B15 2TT", "N1 9GU", "E17 4PP", "OX4 1DQ"])


def date_str() -> str:
    day, month, year = R.randint(1, 28), R.randint(1, 12), R.randint(1925, 2025)
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    return R.choice([f"{day:02d}/{month:02d}/{year}", f"{day}/{month}/{str(year)[2:]}", f"{year}-{month:02d}-{day:02d}",
                     f"{day} {names[month - 1]} {year}", f"{names[month - 1][:3]} {day}, {year}", f"{day}th {names[month - 1]}",
                     f"{names[month - 1]} {day}", f"{month}/{day}/{year}"])


def address(uk: bool) -> str:
    if uk:
        a = f"{R.randint(1, 240)} {R.choice(STREETS)}, {R.choice(UK_TOWNS)} {postcode()}"
        return R.choice([a, f"Flat {R.randint(1, 12)}, {a}", f"{R.randint(1, 99)} {R.choice(STREETS)}"])
    city, st = R.choice(US_CITIES)
    return R.choice([f"{R.randint(10, 9999)} {R.choice(STREETS)}, {city}, {st} {d(5)}",
                     f"{R.randint(10, 9999)} {R.choice(STREETS)} Apt {R.randint(1, 30)}{R.choice('ABC')}, {city}, {st} {d(5)}",
                     f"{R.randint(10, 999)} {R.choice(STREETS)}"])


def email(first: str, last: str) -> str:
    f, sur = first.lower().replace("-", ""), last.lower().replace("'", "")
    user = R.choice([f"{f}.{sur}", f"{f}{sur[0]}{R.randint(70, 99)}", f"{f[0]}{sur}", f"{f}_{sur}{R.randint(1, 9)}", f"{sur}.{f}"])
    return f"{user}@{R.choice(['gmail.com', 'yahoo.co.uk', 'outlook.com', 'hotmail.com', 'icloud.com', 'btinternet.com', 'aol.com'])}"


def name() -> tuple[str, str, str]:
    first, last = R.choice(FIRST), R.choice(LAST)
    return first, last, R.choice([first, f"{first} {last}", f"{first} {last[0]}.", f"{first} {last}"])


def fill(template: str, uk: bool) -> tuple[str, list[dict]]:
    """Replace each {slot:type} in order, recording the span of every value whose type is not '-'."""
    first, last, full = name()
    cond, treat = R.choice(CONDITIONS), R.choice(TREATMENTS)
    values = {
        "first": (first, "name"), "full": (full, "name"), "title": (f"{R.choice(['Mr', 'Mrs', 'Ms', 'Miss'])} {last}", "name"),
        "phone": (uk_phone() if uk else us_phone(), "phone"), "fax": (uk_phone() if uk else us_phone(), "fax"),
        "email": (email(first, last), "email"), "ssn": (ssn(), "ssn"), "nhs": (nhs(), "nhs_number"), "ni": (ni(), "ni_number"),
        "mrn": (R.choice([d(8), f"MR-{d(6)}", f"H{d(7)}", f"{d(2)}-{d(5)}"]), "mrn"),
        "plan": (R.choice([f"XJ{d(7)}", f"W{d(9)}", f"{R.choice('ABHKU')}{R.choice('ABHKU')}{d(8)}"]), "health_plan_id"),
        "mbi": (mbi(), "health_plan_id"), "card": (luhn_complete(R.choice(["4", "51", "37", "6011"]), 16), "account"),
        "acct": (d(8), "account"), "sort": (f"{d(2)}-{d(2)}-{d(2)}", "account"), "iban": (iban(), "account"), "dea": (dea(), "license"),
        "dl": (R.choice([f"{last.upper()[:5]:9<5}{d(6)}{first[0]}{R.choice('AB')}9{R.choice('XYZ')}{d(2)}", f"D{d(7)}", d(9)]), "license"),
        "date": (date_str(), "date"), "age": (str(R.randint(90, 104)), "age_90_plus"),
        "address": (address(uk), "address"), "postcode": (postcode(), "postcode"), "zip": (d(5), "zip"),
        "city": (R.choice(US_CITIES)[0], "-"), "state": (R.choice(US_CITIES)[1], "-"),
        "url": (R.choice([f"facebook.com/{first.lower()}.{last.lower().replace(chr(39), '')}.{R.randint(1970, 2005)}",
                          f"https://www.instagram.com/{first.lower()}_{last.lower()[:3]}", f"tiktok.com/@{first.lower()}{R.randint(1, 99)}",
                          f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}", f"https://forms.example.org/intake?patient_id={d(6)}"]), "url"),
        "ip": (R.choice([f"{R.randint(11, 223)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}", "2001:db8::ff00:42:8329", "fe80::1ff:fe23:4567:890a"]), "ip"),
        "serial": (R.choice([f"SN-{d(4)}-{d(4)}", f"{R.choice('ABX')}{d(9)}", f"(01){d(14)}", vin()]), "other_id"),
        "ref": (R.choice([f"{d(5)}-{R.choice('ABC')}", f"BK{d(6)}", f"{d(7)}"]), "other_id"),
        "cond": (cond, "-"), "treat": (treat, "-"), "town": (R.choice(UK_TOWNS) if uk else R.choice(US_CITIES)[0], "-"),
    }
    spans, out, pos = [], [], 0
    for m in re.finditer(r"\{(\w+)(?::(\w+))?\}", template):
        out.append(template[pos:m.start()])
        start = sum(map(len, out))
        if m.group(1) in values:
            value, kind = values[m.group(1)]
        else:
            value, kind = PHRASES[m.group(1)](first, last, cond, treat)
        kind = m.group(2) or kind
        out.append(value)
        if kind != "-":
            spans.append({"start": start, "end": start + len(value), "type": kind})
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


# Slots that are phrases: (first, last, condition, treatment) -> (text, type)
PHRASES = {
    "yourcond": lambda f, sur, c, t: (R.choice([f"your {c.replace('a ', '')} review", "your test results", "your blood test results",
                                             "your diagnosis", f"your {c.replace('a ', '')} medication", "your biopsy results",
                                             "your smear test results", "your HIV test results", "your repeat prescription"]), "recipient_condition"),
    "yourtreat": lambda f, sur, c, t: (f"your {t} consultation", "recipient_condition"),
    "media": lambda f, sur, c, t: (R.choice(["before and after photos", "before-and-after pictures", "photos", "videos", "before/after shots"]), "media_ref"),
    "bio": lambda f, sur, c, t: (R.choice(["her fingerprints", "his voice recording", "their DNA results", f"{f}'s retina scan", "her iris scan"]), "biometric"),
    "confirm": lambda f, sur, c, t: (R.choice([f"your {t} went well", "your visit", "your appointment", "your treatment",
                                            "your recent procedure", "your records"]).split(" went")[0], "review_reply"),
}

POSITIVE = {
    "sms": [
        "Hi {first}, your appointment is confirmed. Questions? Call {phone}. Reply STOP to opt out",
        "RiversideHC: {yourcond} are ready. Log in or call us. Reply STOP to opt out",
        "Hi {first}, {yourcond} is due this month. Book online. Reply STOP to opt out",
        "Reminder for {full} (DOB {date}): bring your inhaler. Reply STOP to opt out",
        "{title}, please call {phone} about {yourcond}. Reply STOP to opt out",
        "Your NHS number {nhs} is needed at check-in. Reply STOP to opt out",
        "Hi {first}! Your physio is booked for {date:date} at 10am. Reply STOP to opt out",
        "We tried to reach {full} on {phone}. Reply STOP to opt out",
        "Patient {full} - MRN {mrn} - ready for discharge. Reply STOP",
        "Member ID {plan}: your dental plan renews soon. Reply STOP to opt out",
        "Card ending? No - full card {card} was declined. Call {phone}.",
        "Dear {first}, {yourcond} came back clear. Reply STOP to opt out",
        "Congrats {first} on 6 months sober! Reply STOP to opt out",
        "Text from {full}, {address}: can I move my {treat} slot?",
    ],
    "email": [
        "Subject: A story we love\n{full} struggled with {cond} for years. After {treat} with us she is back to running.",
        "Dear {title},\nThank you for attending. Your date of birth ({date}) did not match our records. Please email {email}.",
        "Meet {first}, {age}, who walked again after her {treat}.",
        "Patient spotlight: {full} ({address}) shares how our team helped with {cond}.",
        "We treated {first}, aged {age}, for {cond} last spring.",
        "Please update your details: SSN {ssn}, phone {phone}, email {email}.",
        "Insurance on file: Medicare MBI {mbi}. Policy holder {full}.",
        "Refund to account number {acct}, sort code {sort}. Or IBAN {iban}.",
        "Prescriber DEA {dea}. Patient licence number {dl}.",
        "{full} was admitted on {date} and discharged two days later after {treat}.",
        "Thank you for your review! We're glad {confirm} went smoothly and hope to see you again.",
        "We're sorry to hear about {confirm}. Please call {phone} so we can help.",
        "Your National Insurance number {ni} is needed for your NHS exemption form.",
        "Her implant serial {serial} is on the attached card. Booking ref {ref}.",
        "The form at {url} was filled in by {full} from IP {ip}.",
        "See our {media} of {first} after her {treat}!",
        "Our records show {bio} on file for {full}.",
        "Home visit today for {full}, {address}. Fax the notes to {fax:fax}.",
        "{title} from {town} is our 1,000th {treat} patient!",
        "{full}, {postcode}: {yourtreat} is on {date}.",
    ],
    "tiktok": [
        "POV: {first} finally beat her {cond} 💪 #physio #recovery",
        "{full} said our {treat} changed her life 😍 #ad",
        "Shoutout to {first} for trusting us with her {treat}! #glowup",
        "“Best decision ever.” — {full}, {age}",
        "Watch {first}'s {treat} journey 🙌 DM her at {url}",
        "Our oldest patient {first} just turned {age}! 🎂 #care",
        "{first} from {town} lost 3 stone after our {treat} programme #transformation",
        "Swipe for {media} of our patient {first} 😮 #smile",
        "Say hi to {full}, who has lived with {cond} since {date}",
        "Little {first} was so brave at her jabs today! #kids",
    ],
}

NEGATIVE = [
    "RiversideHC: Flu clinics every Saturday in November, 9am-12pm. Call 0117 496 0123. Reply STOP to opt out",
    "Riverside Health Clinic, 4 Mill Lane, Bristol BS1 4DJ. Email hello@riversidehealth.example",
    "Open Mon–Fri 8am–6pm and Sat 9am–1pm. Book at riversidehealth.example/book",
    "Teeth whitening from £249. Ages 18+ only. Reply STOP to 60123",
    "Free flu jabs for ages 65+ and anyone with a long-term condition.",
    "Caring for Bristol since 1998. Rated 4.9/5 by 1,200 patients.",
    "Take 500mg twice daily with food, unless your pharmacist advises otherwise.",
    "Product code AB-1234, SKU 88213. Use code FLU20 for 20% off.",
    "Ask Dr Priya Shah about our new evening clinic.",
    "Clinic runs 10:30–12:00 in Room 12, Level 3.",
    "Covid-19 boosters for over-75s from 1 October.",
    "Msg & data rates may apply. Reply HELP for help, STOP to cancel. 4 msgs/month.",
    "Call 111 for urgent advice, or 999 in an emergency.",
    "Our 2025/26 flu season starts on 15 September.",
    "BMI over 30? Our weight-management team can talk through options.",
    "Walk in between 9.30 and 11.45, no appointment needed.",
    "Results vary from person to person. General information only, not a substitute for medical advice.",
    "Will you join us in May for our open day? Grace, our practice cat, says hi.",
    "Mark your calendar: Summer health checks from 1 June.",
    "Follow us on TikTok @riversidehc for weekly tips #flu #bristol",
    "Over 90% of adults have some gum disease at some point.",
    "Physio sessions £45, six for £240. Pay by card at reception.",
    "New patients welcome at both surgeries. Parking at the rear.",
    "Vitamin D: 10 micrograms a day from October to March.",
    "Bring your NHS number if you know it — reception can look it up.",
    "Our Harley Street partner clinic opens in spring.",
    "Open 7 days over Christmas except 25 and 26 December.",
    "Join 3,000 locals on our newsletter list.",
    "Our team won Practice of the Year 2023.",
    "Hi there! New evening slots this week. Reply STOP to opt out",
    "Dear patient, our phone lines are busy on Monday mornings.",
    "Thank you for your review! We'd love to hear more, please call the practice on 0117 496 0123.",
    "Eye tests £25, free for under-16s and over-60s.",
    "Fax referrals to 0117 496 0124.",
    "Version 2.4.1 of our app is out now.",
    "1 in 3 people will get shingles. Ask about the vaccine if you are 70-79.",
    "Clinics: 12 November, 19 November and 26 November.",
    "Text FLU to 81010 to book.",
    "Visit www.nhs.uk/conditions/flu for more information.",
    "Aged 90 and over? We offer home visits on request.",
    "Dr Shah and the nursing team are here until 8pm on Thursdays.",
    "Booking opens at 9am on Monday 3 March.",
    "Spaces for 20 patients per session, 45 minutes each.",
    "Our postcode has changed: find us at BS1 4DJ.",
]

def benign() -> str:
    """A sentence full of numbers that are not identifiers."""
    return R.choice([
        f"Consultations £{R.randint(25, 300)}, or ${R.randint(25, 300)} for video calls.",
        f"Open {R.randint(7, 9)}am–{R.randint(5, 8)}pm, Mon–Fri.",
        f"For ages {R.choice([16, 18, 50, 60, 65, 70, 75])}+ only.",
        f"Serving the community since {R.randint(1950, 2015)}.",
        f"Take {R.choice([250, 400, 500, 1000])}mg up to {R.randint(2, 4)} times a day.",
        f"Reply STOP to {R.randint(60000, 89999)} to opt out.",
        f"Use code {R.choice(['FLU', 'SMILE', 'NEWYOU', 'SPRING'])}{R.randint(10, 50)} at checkout.",
        f"Product code {R.choice('ABCDEFG')}{R.choice('ABCDEFG')}-{R.randint(100, 9999)}.",
        f"{R.randint(10, 95)}% of patients rate us 5 stars.",
        f"Clinic dates: {R.randint(1, 28)} {R.choice(['March', 'June', 'October', 'November'])}.",
        f"Room {R.randint(1, 40)}, floor {R.randint(1, 5)}.",
        f"Sessions last {R.choice([20, 30, 45, 60])} minutes.",
        f"#{R.choice(['flu', 'physio', 'smile', 'menopause', 'health'])} #{R.choice(['bristol', 'wellbeing', 'nhs'])}",
        f"Winter {R.randint(2024, 2027)} vaccines: {R.randint(1, 9)} in {R.randint(10, 20)} adults still unprotected.",
    ])


BRAND = {"practice_name": "Riverside Health Clinic", "sender_id": "RiversideHC", "phone": "0117 496 0123",
         "fax": "0117 496 0124", "email": "hello@riversidehealth.example", "website": "riversidehealth.example",
         "postal_address": "4 Mill Lane, Bristol BS1 4DJ", "staff_names": ["Dr Priya Shah"]}


def main() -> None:
    rows = []
    for platform, templates in POSITIVE.items():
        for i in range(150):
            template = templates[i % len(templates)]
            uk = R.random() < 0.55
            text, spans = fill(template, uk)
            rows.append({"id": f"pos-{platform}-{i:03d}", "platform": platform, "jurisdiction": "uk" if uk else "us",
                         "text": text, "spans": spans})
    for i in range(220):
        first, second = R.sample(NEGATIVE, 2)
        text = f"{first} {benign()} {second}"
        platform = ("sms", "email", "tiktok")[i % 3]
        rows.append({"id": f"neg-{i:03d}", "platform": platform, "jurisdiction": "uk" if i % 2 else "us", "text": text,
                     "spans": []})
    for row in rows:
        row["brand"] = BRAND
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
