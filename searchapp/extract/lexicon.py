"""Word lists for reading names in English news: what is never a name, what is a title or
an institution, and common first names by gender. Data, kept apart from the logic that
uses it so either can change without wading through the other."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words, which keeps long lists readable."""
    return frozenset(text.split())


# Capitalised words that start sentences or clauses but never name anyone.
# Weekdays and months: no name's words at a sentence's start, but a given name after an
# honorific ("Mr Friday Adejoh").
CALENDAR_NAMES = word_set("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december
""")
STOPWORDS = CALENDAR_NAMES | word_set("""
a an the this that these those there then thus thereby he she it they we i you his her its
their our my your him them us me who whom whose what which when where why how yes no not
and but or nor so yet for if as at by in on of to from with without into onto after before
during since until while although though because however meanwhile moreover instead also
still even just only both either neither each every all some any many much more most other
such another one two three four five six seven eight nine ten first second last next
earlier later now today tonight yesterday tomorrow here according asked says said
jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr sir like unlike despite about
above below over under again
within among between against toward towards via per do does did is are was were be been
has have had will would can could should might must shall let please thanks thank well oh
update read watch photo image video editor note getty
sources officials analysts experts critics aides observers economists researchers scientists
investigators prosecutors authorities residents voters others supporters opponents witnesses
polls reports studies advocates lawmakers leaders activists people americans
""")

# Words that are titles or roles, removed from the front of a name ("NASA Administrator
# Bill Nelson" -> "Bill Nelson").
TITLES = word_set("""
mr mrs ms miss dr prof professor sen senator sens rep reps representative congressman del
congresswoman gov governor lt lieutenant president vice gen general col colonel capt
captain adm admiral rev reverend pope judge justice secretary speaker mayor sir dame hon
chief director administrator minister prime chairman chairwoman chairperson chair ceo cfo founder
commander sergeant sgt officer agent attorney chancellor ambassador delegate leader
spokesman spokeswoman spokesperson press deputy assistant acting former ex candidate
nominee coach pastor priest imam rabbi bishop cardinal father sister brother queen prince princess
lord lady host co-host moderator anchor correspondent editor reporter columnist analyst
strategist
manager advisor adviser aide state sheriff astronaut head nominee analyst pollster lawyer
economist scientist professor historian activist lobbyist consultant executive official
chairman founder owner fellow researcher author writer businessman businesswoman billionaire
 detective councilman councilwoman councillor councilor alderman alderwoman premier
inspector constable principal headteacher advocate cllr cathaoirleach taoiseach tánaiste
tanaiste mec vc
vice-chancellor datuk datin dato tun alhaji alhaja elder president-general ir
journalist commentator comedian actor actress singer rapper novelist filmmaker blogger
ally allies supporter backer critic rival surrogate confidant donor friend
front-runner frontrunner boss skipper striker midfielder defender goalkeeper keeper winger
quarterback pitcher batsman
bowler jockey trainer driver solicitor barrister counsel td mp mep msp
commissioner superintendent trustee treasurer comptroller auditor clerk dean
democratic republican gop presidential democrat
senators governors representatives congressmen congresswomen mayors judges justices candidates
nominees
""")

# Words that make a span an organisation, not a person.
ORG_WORDS = word_set("""
party committee news post times journal press department agency university college
association institute council campaign foundation network bank corp corporation inc
company co house senate congress court commission center centre group club union government
administration bureau service office federation station ministry board fund trust
school church army navy force police guard republicans democrats media tribune herald
gazette magazine review daily weekly radio tv television channel global international
national federal organization organisation alliance coalition project times
magazine inc llc ltd plc limited pty sdn bhd gmbh report reports pac watch today politico
cnn fox msnbc abc cbs nbc
space program society team airlines motors pictures records studios museum gallery library
unit observatory defence defense
theater theatre orchestra opera zoo hospital clinic district utility utilities authority
consortium agency council commission laboratory laboratories labs therapeutics pharmaceuticals
foods grocers markets industries holdings partners systems technologies robotics show
energy minerals mining resources capital airways petroleum oil gas power telecom
telecommunications solutions logistics properties insurance financial investments securities
electric electronics chemicals shipping freight railways pharma biotech semiconductors
brewery breweries construction parti partido partei partito
""")

# Common first names by gender, so "she said" does not reach back to "George Bush" when no
# pronoun in the article has told us.  Deliberately short: unknown names stay neutral.
FEMALE_FIRST = word_set("""
hillary chelsea ivanka melania michelle elizabeth nancy sarah carly nikki susan susana
mary patricia jennifer linda barbara margaret lisa karen betty helen sandra donna carol
ruth sharon laura kimberly deborah jessica shirley cynthia angela melissa brenda amy anna
rebecca virginia kathleen pamela martha debra amanda stephanie carolyn christine marie
janet catherine frances ann joyce diane alice julie heather teresa doris gloria evelyn
jean cheryl katherine joan ashley judith rose janice kelly nicole judy christina kathy
theresa beverly denise tammy irene jane lori rachel marilyn andrea kathryn louise
sara anne jacqueline wanda bonnie julia ruby lois tina phyllis norma paula diana annie
lillian emily robin peggy crystal gladys rita dawn connie florence tracy edna tiffany
carmen rosa cindy grace wendy victoria edith kim sherry sylvia josephine thelma shannon
sheila ethel ellen elaine marjorie carrie charlotte monica esther pauline emma juanita
anita rhonda hazel amber eva debbie april leslie clara lucille jamie joanne eleanor
valerie danielle megan alicia suzanne michele gail bertha darlene veronica jill erin
geraldine lauren cathy joann lorraine lynn sally regina erica beatrice dolores bernice
audrey yvonne annette june samantha marion dana stacy ana renee ida vivian roberta holly
brittany melanie loretta yolanda jeanette laurie katie kristen vanessa alma sue elsie
beth jeanne huma kellyanne hope donna madeleine condoleezza loretta kamala dianne maxine
debbie betsy katrina kayleigh megyn mika greta rachel maggie jill tammy kirsten amy
""")
MALE_FIRST = (
    word_set("""
donald bernie bernard barack ted marco jeb ben chris john paul mike michael james robert
william david richard joseph thomas charles daniel matthew anthony mark steven george
kenneth andrew joshua kevin brian edward ronald timothy jason jeffrey ryan jacob gary
nicholas eric stephen jonathan larry justin scott brandon frank benjamin gregory samuel
raymond patrick alexander jack dennis jerry tyler aaron jose henry adam douglas nathan
peter zachary kyle walter harold jeremy ethan carl keith roger gerald christian terry
sean arthur austin noah lawrence jesse joe bryan billy bruce albert willie gabriel logan
alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny
rand rick reince newt mitt mitch harry bill tim jim tom bob steve rudy rudolph rahm
chuck lindsey jared corey kellyanne reid vladimir dmitry elon josef rex hugh howard
lou sean rush glenn marty martin al hank dick dan ron ken jon jeff greg sam ray pat
jack doug nate pete zach walt jerry jimmy lyndon ronald gerald franklin abraham
""")
    - FEMALE_FIRST
)

FIRST_NAMES = FEMALE_FIRST | MALE_FIRST

# Pronouns we try to resolve, with the gender they imply.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Relatives and women's titles written before a name: "His daughter, Lindiwe Mokoena".
KIN_GENDER = {
    **dict.fromkeys(
        "daughter wife mother sister widow granddaughter niece aunt grandmother "
        "girlfriend fiancée stepdaughter stepmother congresswoman spokeswoman "
        "chairwoman businesswoman sportswoman".split(),
        "f",
    ),
    **dict.fromkeys(
        "son husband father brother widower grandson nephew uncle grandfather "
        "boyfriend fiancé stepson stepfather".split(),
        "m",
    ),
}


# Head nouns of a description that stands for an organisation named earlier: "the company
# said", "the department said in a statement", "according to the union".
ORG_NOUNS = word_set("""
company firm department ministry agency union club team league district council board
committee campaign party group organization organisation association administration
government office commission authority bank hospital university school police service
network station newspaper paper magazine coalition foundation institute court
lender insurer miner retailer airline carrier carmaker automaker chipmaker drugmaker
planter housebuilder conglomerate broadcaster utility charity supermarket brewer
festival gallery museum library theatre theater orchestra operator regulator watchdog
exchange chamber developer manufacturer producer publisher telco
""")


# Documents that stand for whoever issued them: "the statement said", "the study found".
DOCUMENT_NOUNS = word_set("""
statement release report study letter filing memo survey audit bulletin communique communiqué
advisory assessment
""")


# Roles a person is introduced with ("Housing Minister Darragh Fennelly", "coach Ines
# Moreau", "Tom Ward, the coroner,") and later called by ("the minister said", "said the
# skipper"). Such a description stands only for a person the article gave that role.
ROLE_NOUNS = word_set("""
minister premier chancellor secretary treasurer ambassador commissioner judge
justice magistrate coroner prosecutor counsel barrister solicitor lawyer attorney coach
manager captain skipper striker midfielder defender goalkeeper keeper winger batsman
bowler batter pitcher quarterback jockey trainer officer inspector superintendent
constable sheriff detective councillor councilor principal headteacher professor doctor
surgeon researcher scientist economist analyst spokesperson ceo executive founder owner
chairwoman chairperson mp td msp mep author actor actress singer musician artist
novelist playwright filmmaker cllr taoiseach tánaiste tanaiste mec vc vice-chancellor
boss producer chairman president editor curator designer engineer architect
presenter chief bench
""")

# Roles news writes two ways for one person: "Justice K. Rao ... the judge asked".
ROLE_SYNONYMS = {
    "judge": ("justice",), "justice": ("judge",), "magistrate": ("judge",),
    "bench": ("justice", "judge"),
    "skipper": ("captain",), "captain": ("skipper",),
    "councillor": ("cllr",), "councilor": ("cllr",),
    "executive": ("ceo",), "ceo": ("executive",), "vc": ("vice-chancellor",),
}  # fmt: skip

# People by what they are rather than a title: "Saltbush Rise resident Dianne Loxley",
# "Kenyan teacher Faith Jeptoo". A name before one of these is the person's affiliation.
PERSON_NOUNS = word_set("""
resident residents teacher student nurse farmer worker mother father son daughter wife
husband owner shopkeeper victim fan volunteer parent pensioner homeowner commuter
passenger neighbour neighbor organiser organizer local graduate pupil athlete rider
runner swimmer player veteran campaigner entrepreneur engineer designer chef
""")

# Nouns that introduce a business or body, not a person: "British housebuilder Carraway
# Homes", "miner Kestrel Resources", "the charity Hope Lines". The name is an
# organisation's however it looks ("Carraway Homes" could be a man's name).
BUSINESS_NOUNS = word_set("""
company firm group business bank lender insurer miner retailer supermarket chain airline
carrier operator housebuilder builder developer manufacturer maker carmaker automaker
chipmaker drugmaker producer supplier provider distributor exporter importer publisher
broadcaster utility conglomerate brand startup start-up charity trust agency network
newspaper magazine union association foundation institute club franchise outfit
""")
# Of those, the nouns no person is described with: "X, the low-cost carrier based in".
ORG_ONLY_NOUNS = BUSINESS_NOUNS - word_set("""
builder developer maker producer supplier provider distributor exporter importer publisher
broadcaster miner operator outfit trust agency chain
""")
