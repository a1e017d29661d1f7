"""Names of countries and of the states and provinces that governors head.

General knowledge the small NER model lacks: it tags "Iowa", "Israel" and "Flint" all as
GPE. The roles extractor uses these lists to tell which place a head of government or a
governor can belong to when the text names none ("President Jane Roe" in an article on
Norway and its "Norwegian" ministers, not one on "Iowans"). Names are folded: lower case,
no accents, no leading "the", no dots.
"""

from __future__ import annotations

import unicodedata


def fold_place(name: str) -> str:
    """ "the Côte d'Ivoire" -> "cote d'ivoire", "U.S." -> "us"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'")
    text = " ".join(text.lower().replace(".", "").split())
    return text.removeprefix("the ")


def _names(block: str) -> frozenset[str]:
    return frozenset(fold_place(n) for n in block.split("|") if n.strip())


# Sovereign states (UN members and observers, a few partly recognised ones) under their
# usual English names and short forms, and states of the last two centuries that
# encyclopaedic text still names.
COUNTRIES = _names(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|
    Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|
    Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|Botswana|Brazil|Brunei|Bulgaria|
    Burkina Faso|Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|
    Central African Republic|Chad|Chile|China|People's Republic of China|Colombia|Comoros|
    Congo|Democratic Republic of the Congo|Republic of the Congo|DR Congo|DRC|Costa Rica|
    Côte d'Ivoire|Ivory Coast|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|
    Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|
    Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|
    Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|
    India|Indonesia|Iran|Iraq|Ireland|Republic of Ireland|Israel|Italy|Jamaica|Japan|Jordan|
    Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|
    Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
    Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|
    Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|
    New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|
    Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|
    Portugal|Qatar|Romania|Russia|Russian Federation|Rwanda|Saint Kitts and Nevis|
    Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|
    Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|
    Solomon Islands|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|Sudan|
    Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|
    East Timor|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|
    Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|Britain|Great Britain|England|
    Scotland|Wales|Northern Ireland|United States|United States of America|US|USA|America|
    Uruguay|Uzbekistan|Vanuatu|Vatican|Vatican City|Holy See|Venezuela|Vietnam|Viet Nam|
    Yemen|Zambia|Zimbabwe|
    Soviet Union|USSR|Yugoslavia|Czechoslovakia|East Germany|West Germany|Prussia|
    Ottoman Empire|Persia|Siam|Ceylon|Rhodesia|Zaire|Austria-Hungary|Serbia and Montenegro|
    Republic of China|Weimar Republic|Kingdom of Italy"""
)

# First-level divisions headed by a governor or premier: the states and territories of the
# United States and Australia, the provinces and territories of Canada. Other countries'
# states are not listed: their governors keep only the organization the text gives.
STATES = _names(
    """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|
    Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|
    Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|
    New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|
    Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|
    Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico|Guam|
    Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland and Labrador|Newfoundland|
    Nova Scotia|Ontario|Prince Edward Island|Quebec|Saskatchewan|Northwest Territories|
    Nunavut|Yukon|
    New South Wales|Queensland|South Australia|Tasmania|Victoria|Western Australia|
    Northern Territory|Australian Capital Territory"""
)

# Peoples' adjectives that do not start like their country's name ("French" - France);
# "Spanish" is left out: in news it is mostly the language.
IRREGULAR_DEMONYMS: dict[str, str] = {
    "french": "france",
    "frenchman": "france",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "danish": "denmark",
    "dane": "denmark",
    "greek": "greece",
    "irish": "ireland",
    "welsh": "wales",
    "filipino": "philippines",
    "finnish": "finland",
    "finn": "finland",
    "polish": "poland",
    "pole": "poland",
    "burmese": "myanmar",
    "malagasy": "madagascar",
    "kiwi": "new zealand",
}

# Countries and states, the places that have governments of their own: a possessive of one
# names the body of a place, not an employer ("Ohio's governor"), and one that "said"
# something speaks through its government, never as a person of that surname.
GOVERNED_PLACES = COUNTRIES | STATES

# US states as news writes them after a lawmaker's party ("R-Fla.", "(D-Minn.)", "R-TX"):
# AP-style abbreviations and postal codes (folded: no dots, lower case) -> the state.
_US_STATE_FORMS = """Alabama:ala,al|Alaska:ak|Arizona:ariz,az|Arkansas:ark,ar|California:calif,ca|
Colorado:colo,co|Connecticut:conn,ct|Delaware:del,de|Florida:fla,fl|Georgia:ga|Hawaii:hi|
Idaho:id|Illinois:ill,il|Indiana:ind,in|Iowa:ia|Kansas:kan,kans,ks|Kentucky:ky|
Louisiana:la|Maine:me|Maryland:md|Massachusetts:mass,ma|Michigan:mich,mi|Minnesota:minn,mn|
Mississippi:miss,ms|Missouri:mo|Montana:mont,mt|Nebraska:neb,nebr,ne|Nevada:nev,nv|
New Hampshire:nh|New Jersey:nj|New Mexico:nm|New York:ny|North Carolina:nc|
North Dakota:nd|Ohio:oh|Oklahoma:okla,ok|Oregon:ore,or|Pennsylvania:pa|Rhode Island:ri|
South Carolina:sc|South Dakota:sd|Tennessee:tenn,tn|Texas:tex,tx|Utah:ut|Vermont:vt|
Virginia:va|Washington:wash,wa|West Virginia:wva,wv|Wisconsin:wis,wisc,wi|Wyoming:wyo,wy"""
US_STATE_ABBREVIATIONS: dict[str, str] = {
    form: state
    for entry in _US_STATE_FORMS.replace("\n", "").split("|")
    for state, forms in [entry.split(":")]
    for form in forms.split(",")
}
