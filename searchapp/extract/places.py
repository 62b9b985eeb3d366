"""Place names and nationality words, which look like people or organisations to a
capitalisation-based name finder ("New Hampshire", "Boca Raton", "Western") but never
speak. A speaker facet listing "Iowa" would send users after quotes nobody gave."""

from __future__ import annotations

from searchapp.extract.lexicon import word_set
from searchapp.extract.memo import remember_names
from searchapp.extract.name_words import first_name_gender, looks_like_org


def _place_list(text: str) -> frozenset[str]:
    """A comma-separated list of names, lowercased for lookup."""
    return frozenset(" ".join(name.split()).lower() for name in text.split(",") if name.strip())


US_STATES = _place_list("""
Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida,
Georgia, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland,
Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New
Hampshire, New Jersey, New Mexico, New York, North Carolina, North Dakota, Ohio, Oklahoma,
Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah,
Vermont, Virginia, Washington, West Virginia, Wisconsin, Wyoming, Puerto Rico, Guam, District
of Columbia, Washington D.C., New York City
""")
# AP-style and postal abbreviations as they appear after a town: "Portsmouth, N.H.".
STATE_ABBREVIATIONS = word_set("""
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn va vt wash wis wisc w.va wyo d.c
""")
COUNTRIES = _place_list("""
Afghanistan, Albania, Algeria, Argentina, Armenia, Australia, Austria, Azerbaijan, Bahrain,
Bangladesh, Belarus, Belgium, Bolivia, Bosnia, Brazil, Britain, Great Britain, Bulgaria,
Cambodia, Canada, Chile, China, Colombia, Croatia, Cuba, Cyprus, Czech Republic, Denmark,
Egypt, England, Estonia, Ethiopia, Europe, Finland, France, Georgia, Germany, Greece,
Guatemala, Haiti, Honduras, Hong Kong, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland,
Israel, Italy, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Korea, North Korea, South Korea,
Kosovo, Kuwait, Latvia, Lebanon, Libya, Lithuania, Malaysia, Mexico, Morocco, Myanmar, Burma,
Nepal, Netherlands, New Zealand, Nicaragua, Nigeria, Norway, Oman, Pakistan, Palestine, Panama,
Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Rwanda, Saudi Arabia, Scotland,
Serbia, Singapore, Slovakia, Somalia, South Africa, Spain, Sri Lanka, Sudan, Sweden,
Switzerland, Syria, Taiwan, Thailand, Tunisia, Turkey, Uganda, Ukraine, United Arab Emirates,
United Kingdom, United States, United States of America, America, U.S., U.S.A., USA, U.K., UK,
Uruguay, Venezuela, Vietnam, Wales, Yemen, Zimbabwe, Africa, Asia, Latin America, Middle East,
Midwest, South, North, West, East, Gulf Coast, Persian Gulf, South China Sea, Crimea, Gaza,
West Bank, Benghazi, Aleppo, Mosul, Raqqa
""")
CITIES = _place_list("""
Albuquerque, Atlanta, Austin, Baltimore, Bangor, Berlin, Boca Raton, Boston, Brussels,
Charleston, Charlotte, Chicago, Cincinnati, Cleveland, Columbus, Concord, Dallas, Denver, Des
Moines, Detroit, Houston, Indianapolis, Jacksonville, Kansas City, Las Vegas, London, Los
Angeles, Manchester, Manhattan, Brooklyn, Queens, Bronx, Staten Island, Miami, Milwaukee,
Minneapolis, Moscow, Nashville, New Orleans, Newark, Nice, Orlando, Paris, Philadelphia,
Phoenix, Pittsburgh, Portland, Portsmouth, Raleigh, Richmond, Sacramento, Salt Lake City, San
Antonio, San Diego, San Francisco, San Jose, Seattle, St. Louis, Tampa, Toronto, Tokyo,
Beijing, Jerusalem, Tel Aviv, Tehran, Baghdad, Damascus, Kabul, Kiev, Kyiv, Havana, Ottawa,
Rome, Madrid, Geneva, Vienna, Istanbul, Ankara, Cairo, Riyadh, Dubai, Mumbai, Delhi, New Delhi,
Seoul, Pyongyang, Hanoi, Sydney, Palm Beach, West Palm Beach, Mar-a-Lago, Capitol Hill, Wall
Street, Silicon Valley, Hollywood, Harlem, Fort Worth, Ft. Worth, Iowa City, Cedar Rapids,
Davenport, Sioux City, Dubuque, Council Bluffs, Ames, Nashua, Hanover, Durham, Columbia,
Greenville, Spartanburg, Myrtle Beach, Reno, Fort Wayne, Tulsa, Oklahoma City, Omaha,
Louisville, Lexington, Memphis, Knoxville, Birmingham, Mobile, Little Rock, Buffalo, Rochester,
Syracuse, Albany, Hartford, Providence, Burlington, Anchorage, Honolulu, Tucson, El Paso, Fort
Lauderdale, Sarasota, Naples, Tallahassee, Gainesville, Savannah, Wilmington, Scranton, Erie,
Toledo, Dayton, Akron, Flint, Grand Rapids, Lansing, Madison, Green Bay, Dearborn, Ferguson,
Baton Rouge, Benghazi, Great Wall, Oval Office, Rose Bowl, West
Point, Camp David, Ground Zero, Trump Tower, Quicken Loans Arena, Wells Fargo Center, Madison
Square Garden
""")
# Countries whose names have "and" in them, which a name finder would split in two.
AND_PLACES = _place_list("""
Trinidad and Tobago, Antigua and Barbuda, Bosnia and Herzegovina, Saint Kitts and Nevis,
St Kitts and Nevis, Sao Tome and Principe, Turks and Caicos, Papua and New Guinea,
Jammu and Kashmir, Andaman and Nicobar, Dadra and Nagar Haveli, Daman and Diu
""")
PLACES = US_STATES | COUNTRIES | CITIES | AND_PLACES
# Nationality and direction adjectives that start capitalised spans ("Western officials").
NATIONALITIES = word_set("""
american americans western southern northern eastern muslim muslims jewish christian
catholic evangelical german french british english chinese russian mexican spanish italian
israeli iranian iraqi syrian saudi afghan pakistani indian japanese korean cuban canadian
european asian african arab hispanic latino latina latinos islamic islamist ukrainian
democratic republican conservative liberal progressive libertarian independent federal
national international global local southern midwestern texan floridian californian
indigenous aboriginal
""")


# Last words that make a name a place: "Midway Atoll", "Romare Bearden Park".
PLACE_WORDS = word_set("""
atoll island islands county park river lake mountain mountains bay beach valley street avenue
road boulevard airport square stadium arena canyon desert sea ocean gulf
peninsula province region township village plaza bridge tower memorial cemetery
""")


COMPASS_WORDS = word_set("""
north south east west northern southern eastern western central upper lower greater mid
north-east north-west south-east south-west northeast northwest southeast southwest
""")
# Second words that make a compass word the start of an organisation's or a team's name.
_NOT_A_PLACE = word_set("""
bank committee council party university college school hospital police ham bromwich face
side end command front wing
""")


# First words that make a name a place in Malay, Indonesian and English: "Kampung Paya
# Serai", "Sungai Merbah Batu", "Mount Hagen", "Lake Taupō".
PLACE_FIRST_WORDS = word_set("""
kampung kg sungai bukit taman jalan pulau tanjung kuala gunung bandar desa mount mt lake
""")


def is_place(name: str) -> bool:
    bare = name.lower().removeprefix("the ").strip().rstrip(".")
    words = bare.split()
    return (
        bare in PLACES
        or bare in STATE_ABBREVIATIONS
        or name.lower() in PLACES
        or (len(words) > 1 and words[-1] in PLACE_WORDS)
        # ... but "Taman Seri Mawar Residents' Association" is no place
        or (len(words) > 1 and words[0] in PLACE_FIRST_WORDS and not looks_like_org(name))
        # "N. Korea", "Bursa Malaysia"; not "Bank of America", nor a person surnamed like
        # a country or a compass point ("Michael Jordan", "Marty West").
        or (len(words) == 2 and words[-1] in COUNTRIES and first_name_gender(words[0]) is None)
        # "North Wessex", "East Kilbride", "Greater Manchester": a region of a place,
        # though not "West Ham United" or "Central Bank"
        or (
            len(words) == 2
            and words[0] in COMPASS_WORDS
            and name.split()[-1][:1].isupper()
            and words[1] not in _NOT_A_PLACE
        )
    )


def is_nationality(name: str) -> bool:
    """ "Western", and "Central European" as in "Central European leaders said"."""
    words = name.lower().split()
    # ... but not a person surnamed like one: "Mark Cuban", "Bryan English".
    return (
        bool(words)
        and words[-1] in NATIONALITIES
        and not (
            len(words) == 2
            and words[-1] in _SURNAME_NATIONALITIES
            and first_name_gender(words[0]) is not None
        )
    )


# Nationalities that are also surnames, unlike "Democratic" ("Key Democratic senators").
_SURNAME_NATIONALITIES = word_set("""
german french british english cuban mexican spanish italian indian
""")


# Institutions that act but, as a whole, do not speak: "Congress had written into law".
SILENT_BODIES = word_set("""
congress senate house court party campaign legislation government police parliament
legislature bundestag bundesrat knesset duma sejm riksdag storting folketing eduskunta
oireachtas dáil dail seanad majlis
""") | _place_list("""
Dewan Rakyat, Dewan Negara, Dewan Perwakilan Rakyat, Lok Sabha, Rajya Sabha, Vidhan Sabha,
National Assembly, House of Commons, House of Lords, House of Representatives,
Legislative Assembly, Legislative Council, National Council, Federal Council, State Duma
""")


# Names of events, laws and documents: "the Cold War", "Labor Day", "the Fifth Amendment".
THING_WORDS = word_set(
    "war day amendment charter act treaty accord constitution doctrine era bill prize award "
    "awards trophy medal"
)
STORM_WORDS = word_set("typhoon cyclone hurricane storm tropical super-typhoon")


def is_silent_body(name: str) -> bool:
    """Bodies that act rather than speak, generic "Police", and things that are not
    speakers at all ("Cold War", "Fifth Amendment")."""
    bare = name.lower().removeprefix("the ")
    words = bare.split()
    return (
        bare in SILENT_BODIES
        or (len(words) > 1 and words[-1] in THING_WORDS)
        or (len(words) > 1 and words[0] in STORM_WORDS)  # "Typhoon Mayumi slammed"
    )


@remember_names
def never_speaks(name: str) -> bool:
    """A place, a nationality, an institution that acts but does not speak, or an event."""
    return is_place(name) or is_nationality(name) or is_silent_body(name)
