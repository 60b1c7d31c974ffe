"""The directories in data/: one model per file, the single source of truth.

The JSON Schemas in schemas/ are generated from these models (`make schemas`),
the build validates data/*.yml against them (data_loading.py), and the open
data published with the site is these models' output (open_data.py). Every
field carries its meaning in English and Welsh: the JSON Schema and the Open
data page show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Literal, Mapping, get_args

from pydantic import (
    AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl, TypeAdapter, ValidationError, create_model,
)
from pydantic_core import PydanticCustomError

from wales_site import limits
from wales_site.data import phone_numbers
from wales_site.plain_text import markup_in, plain_text_message

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
WEIGHTS = ("primary", "secondary", "mirror")


def described(en: str, cy: str, **kwargs):
    """A field whose meaning is given in both languages (the Welsh in the schema's `description_cy`)."""
    return Field(description=en, json_schema_extra={"description_cy": cy}, **kwargs)


def invalid(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def plain_text(value: str) -> str:
    markup = markup_in(value)
    if markup:
        raise invalid("markup", plain_text_message(markup))
    return value


def true_or_false(value):
    """Only true and false: YAML 1.1 also reads yes, no, on and off as booleans, and pydantic
    would too (and 1, y, t...), so a slip such as `help_strip: yes` is an error, not a guess."""
    if isinstance(value, str) and value not in ("true", "false"):
        raise invalid("bool_words", f'"{value}" must be true or false')
    return value


def uk_phone(value: str) -> str:
    try:
        phone_numbers.e164(value)
    except phone_numbers.InvalidPhoneNumber as error:
        raise invalid("phone", str(error)) from None
    return value


def text_relay_number(value: str) -> str:
    if not phone_numbers.digits(value).startswith(("18000", "18001")):
        raise invalid("text_relay", f'"{value}" is not a text relay number: it starts with 18000 or 18001')
    return value


def mobile_number(value: str) -> str:
    if not phone_numbers.is_mobile(value):
        raise invalid("mobile", f'"{value}" is not a UK mobile number, so it cannot receive text messages')
    return value


def email_address(value: str) -> str:
    # Imported here: it takes as long as building a page, and most builds check no address.
    import email_validator

    try:
        email_validator.validate_email(value, check_deliverability=False)
    except email_validator.EmailNotValidError:
        raise invalid("email", f'"{value}" is not a valid e-mail address') from None
    return value


_HTTP_URL = TypeAdapter(HttpUrl)


def web_address(value: str) -> str:
    try:
        _HTTP_URL.validate_python(value)
    except ValidationError:
        valid = False
    else:
        valid = value.startswith("https://") and " " not in value
    if not valid:
        raise invalid("url", f'"{value}" is not a valid web address: it must start with https://')
    return value


def partial_date(value: str) -> str:
    """2013, 2013-03 or 2013-03-15: as precise as the source is."""
    year, month, day = (value.split("-") + [None, None])[:3]
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise invalid("partial_date", f'"{value}" is not a real date') from None
    return value


@dataclass(frozen=True)
class RefersTo:
    """Marks a field whose value is the id of an entry in another file."""

    dataset: str
    noun: str


Text = Annotated[str, Field(min_length=1), AfterValidator(plain_text)]
Flag = Annotated[bool, BeforeValidator(true_or_false)]
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=limits.ID_CHARACTERS, examples=["live-fear-free"])]
ForceId = Annotated[Id, RefersTo("police-forces", "police force")]
ForumId = Annotated[Id, RefersTo("fora", "forum")]
HelplineId = Annotated[Id, RefersTo("helplines", "helpline")]
SourceId = Annotated[Id, RefersTo("sources", "source"), Field(examples=["seed", "home-office-statutory-guidance"])]
Phone = Annotated[str, Field(examples=["0808 80 10 800", "999"]), AfterValidator(uk_phone)]
TextRelay = Annotated[Phone, AfterValidator(text_relay_number)]
MobilePhone = Annotated[Phone, AfterValidator(mobile_number)]
Email = Annotated[str, AfterValidator(email_address)]
WebAddress = Annotated[str, Field(examples=["https://www.gwent.police.uk"]), AfterValidator(web_address)]
PartialDate = Annotated[str, Field(pattern=PARTIAL_DATE_PATTERN, examples=["2013-03", "2013-10-18"]),
                        AfterValidator(partial_date)]


class StrictModel(BaseModel):
    # Unknown keys are typos; text loses stray spaces; entries never change once loaded.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Bilingual(StrictModel):
    """Text in English and Welsh."""

    en: Text = described("English", "Saesneg")
    cy: Text = described("Welsh", "Cymraeg")

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class EnglishOrBoth(StrictModel):
    """Text as its owner writes it: in English, and in Welsh where the owner has a Welsh form."""

    en: Text = described("English", "Saesneg")
    cy: Text | None = described("Welsh, where the owner has a Welsh form; leave out otherwise",
                                "Cymraeg, lle mae gan y perchennog ffurf Gymraeg; fel arall gadewch allan", default=None)

    def __getitem__(self, lang: str) -> str:
        return self.in_language(lang)[0]

    def in_language(self, lang: str) -> tuple[str, str]:
        """(text, its language) for a page in `lang`: the English where there is no Welsh."""
        return (self.cy, "cy") if lang == "cy" and self.cy else (self.en, "en")


PHONE = ("Phone number, as the service writes it", "Rhif ffôn, fel mae'r gwasanaeth yn ei ysgrifennu")
WEBSITE = ("Website (https://)", "Gwefan (https://)")
CONTACT = ("How to reach it, where sourced", "Sut i gysylltu, lle mae ffynhonnell")


class Contact(StrictModel):
    """How to reach a service or organisation: only what a source confirms."""

    phone: Phone | None = described(*PHONE, default=None)
    text_relay: TextRelay | None = described(
        "Text relay number (18000, or 18001 and the number)", "Rhif cyfnewid testun (18000, neu 18001 a'r rhif)", default=None)
    text_message: MobilePhone | None = described(
        "Mobile number that takes text messages", "Rhif ffôn symudol sy'n derbyn negeseuon testun", default=None)
    email: Email | None = described("E-mail address", "Cyfeiriad e-bost", default=None)
    website: WebAddress | None = described(*WEBSITE, default=None)


class HelplineContact(Contact):
    """How to reach a helpline: it always has a phone number."""

    phone: Phone = described(*PHONE)


class Record(StrictModel):
    """What every entry in every file has: a stable id."""

    id: Id = described("Stable identifier: lower-case letters, digits and hyphens",
                       "Dynodydd sefydlog: llythrennau bach, digidau a chysylltnodau")


class Source(Record):
    """A source the site's facts rest on (sources.yml): pages cite it, entries name it."""

    title: EnglishOrBoth = described("Title, as the source gives it", "Teitl, fel mae'r ffynhonnell yn ei roi")
    publisher: EnglishOrBoth = described("Who published it", "Pwy a'i cyhoeddodd")
    address: WebAddress | None = described(
        "Its web address (https://); leave out only for a document with none", "Ei gyfeiriad gwe (https://); gadewch allan "
        "dim ond ar gyfer dogfen heb un", default=None)
    published: PartialDate | None = described("When it was published or last updated, where known",
                                              "Pryd cafodd ei gyhoeddi neu ei ddiweddaru ddiwethaf, lle mae'n hysbys",
                                              default=None)
    checked: dt.date = described("Date an editor last read it (YYYY-MM-DD)",
                                 "Dyddiad darllen y ffynhonnell ddiwethaf gan olygydd (BBBB-MM-DD)")
    weight: Literal[WEIGHTS] = described(
        "primary (the body itself, legislation, GOV.UK, gov.wales, Hansard), secondary (another page repeating it) "
        "or mirror (a third party's copy)",
        "primary (y corff ei hun, deddfwriaeth, GOV.UK, llyw.cymru, Hansard), secondary (tudalen arall yn ei ailadrodd) "
        "neu mirror (copi trydydd parti)")
    note: Text | None = described("Note for editors", "Nodyn i olygyddion", default=None)

    @property
    def is_primary(self) -> bool:
        return self.weight == "primary"


class Entry(Record):
    """An entry of a directory: its facts and where they come from."""

    sources: list[SourceId] = described(
        "Ids of the sources in sources.yml that its facts rest on",
        "Dynodwyr y ffynonellau yn sources.yml y mae ei ffeithiau'n seiliedig arnynt", min_length=1)
    source_note: Text | None = described("Note for editors about the source", "Nodyn i olygyddion am y ffynhonnell", default=None)
    needs_reverification: Flag = described(
        "True when the facts must be checked again soon for a reason in source_note (an entry whose sources are "
        "all secondary or mirror is marked without it)",
        "Gwir pan fo rhaid gwirio'r ffeithiau eto cyn bo hir am reswm yn source_note (caiff cofnod nad oes ganddo "
        "ond ffynonellau eilaidd neu ddrych ei farcio hebddo)", default=False)
    last_verified: dt.date = described("Date the facts were last checked against the source (YYYY-MM-DD)",
                                       "Dyddiad gwirio'r ffeithiau yn erbyn y ffynhonnell ddiwethaf (BBBB-MM-DD)")


class Helpline(Entry):
    """A phone line for the public (helplines.yml)."""

    name: Bilingual = described("Name of the service", "Enw'r gwasanaeth")
    who_for: Bilingual = described("Who it is for, and when to call", "I bwy mae, a phryd i ffonio")
    contact: HelplineContact = described("How to reach it", "Sut i gysylltu")
    hours: Bilingual | None = described("Opening hours; leave out when sources disagree",
                                        "Oriau agor; gadewch allan pan fo ffynonellau'n anghytuno", default=None)
    free: Flag = described("True when calls are free", "Gwir pan fo galwadau am ddim", default=False)
    languages: Bilingual | None = described("Languages the service offers, where sourced",
                                            "Yr ieithoedd mae'r gwasanaeth yn eu cynnig, lle mae ffynhonnell", default=None)
    emergency: Flag = described("True for the emergency number (shown first and in bold)",
                                "Gwir ar gyfer y rhif argyfwng (yn gyntaf ac mewn print trwm)", default=False)
    help_strip: Flag = described("True to show it in the help strip at the top of every page",
                                 "Gwir i'w ddangos yn y stribed help ar frig pob tudalen", default=False)


class FirstResponder(Entry):
    """An organisation, or group of them, that can refer a possible victim to the NRM (first-responders.yml)."""

    name: Bilingual = described("Organisation, or group of organisations", "Sefydliad, neu grŵp o sefydliadau")
    kind: Literal["police", "local-authorities", "government", "charity"] = described(
        "Kind of organisation", "Math o sefydliad")
    role: Bilingual = described("What it does for victims of trafficking", "Beth mae'n ei wneud dros ddioddefwyr masnachu pobl")
    police_forces: list[ForceId] = described("Police forces in this entry (ids from police-forces.yml)",
                                        "Heddluoedd yn y cofnod hwn (dynodwyr o police-forces.yml)", default_factory=list)
    helpline: HelplineId | None = described("Its phone line, when it is in helplines.yml (the id there)",
                                     "Ei linell ffôn, pan fo yn helplines.yml (y dynodydd yno)", default=None)
    recognised: PartialDate | None = described("When it was recognised as a First Responder (YYYY, YYYY-MM or YYYY-MM-DD)",
                                               "Pryd cafodd ei gydnabod yn Ymatebwr Cyntaf (BBBB, BBBB-MM neu BBBB-MM-DD)", default=None)
    contact: Contact | None = described(*CONTACT, default=None)


class Forum(Entry):
    """A regional Anti Human Trafficking Forum (fora.yml). The councils it covers are set in local-authorities.yml."""

    name: Bilingual = described("Name of the forum", "Enw'r fforwm")
    status: Literal["established", "in-development"] = described("Established, or still being set up",
                                                                  "Wedi'i sefydlu, neu'n dal i gael ei sefydlu")
    status_as_of: PartialDate = described("When the source gave that status", "Pryd rhoddodd y ffynhonnell y statws hwnnw")
    police_force: ForceId = described("Police force area it belongs to (id from police-forces.yml)",
                                 "Ardal heddlu mae'n perthyn iddi (dynodydd o police-forces.yml)")
    purpose: Bilingual = described("What it is for", "Beth yw ei ddiben")
    notes: Bilingual | None = described("Other sourced facts, e.g. its work", "Ffeithiau eraill â ffynhonnell, e.e. ei waith",
                                        default=None)
    contact: Contact | None = described(*CONTACT, default=None)


class PoliceForce(Entry):
    """A police force in Wales (police-forces.yml). The councils it covers are set in local-authorities.yml."""

    name: Bilingual = described("Name of the force", "Enw'r heddlu")
    website: WebAddress | None = described(*WEBSITE, default=None)


class LocalAuthority(Entry):
    """A principal council of Wales (local-authorities.yml): its area has a page under "Help in your area"."""

    name: Bilingual = described("Name of the council area", "Enw ardal y cyngor")
    in_area: Bilingual = described('"in" and the name, as a page title says it: "in Cardiff" / "yng Nghaerdydd"',
                                   '"yn" a\'r enw, fel mae teitl tudalen yn ei ddweud: "in Cardiff" / "yng Nghaerdydd"')
    council: Bilingual = described("Official name of the council", "Enw swyddogol y cyngor")
    police_force: ForceId = described("Police force covering it (id from police-forces.yml)",
                                 "Yr heddlu sy'n ei gwmpasu (dynodydd o police-forces.yml)")
    forum: ForumId | None = described("Regional forum covering it (id from fora.yml), or null when not confirmed",
                                 "Y fforwm rhanbarthol sy'n ei gwmpasu (dynodydd o fora.yml), neu null pan nad yw wedi'i gadarnhau")


class Event(Entry):
    """A dated news item (events.yml)."""

    date: PartialDate = described("When it happened (YYYY, YYYY-MM or YYYY-MM-DD), as precise as the source",
                                  "Pryd digwyddodd (BBBB, BBBB-MM neu BBBB-MM-DD), mor fanwl â'r ffynhonnell")
    title: Bilingual = described("Headline", "Pennawd")
    summary: Bilingual = described("What happened", "Beth ddigwyddodd")
    place: Bilingual | None = described("Where it happened", "Ble digwyddodd", default=None)


@dataclass(frozen=True)
class Dataset:
    """One file in data/: its name in markers and on disk, its top-level key and its entries' model."""

    name: str
    entry_model: type[Record]

    @property
    def key(self) -> str:
        return self.name.replace("-", "_")

    @property
    def file_name(self) -> str:
        return f"{self.name}.yml"

    @property
    def file_model(self) -> type[StrictModel]:
        return _file_models[self.name]


DATASETS = {
    dataset.name: dataset
    for dataset in (
        Dataset("helplines", Helpline),
        Dataset("first-responders", FirstResponder),
        Dataset("fora", Forum),
        Dataset("police-forces", PoliceForce),
        Dataset("local-authorities", LocalAuthority),
        Dataset("events", Event),
        Dataset("sources", Source),
    )
}

# The whole file: `helplines:` and the list of entries below it.
_file_models = {
    dataset.name: create_model(
        dataset.entry_model.__name__ + "File",
        __base__=StrictModel,
        **{dataset.key: (list[dataset.entry_model], ...)},
    )
    for dataset in DATASETS.values()
}


def references(model: type[BaseModel]) -> dict[str, RefersTo]:
    """The fields of a model that hold ids of entries in other files."""

    def found_in(annotation) -> RefersTo | None:
        marks = [m for m in getattr(annotation, "__metadata__", ()) if isinstance(m, RefersTo)]
        return marks[0] if marks else next(filter(None, map(found_in, get_args(annotation))), None)

    # pydantic keeps the marks of a plain Annotated field in its metadata, others in the annotation.
    return {
        name: ref
        for name, info in model.model_fields.items()
        if (ref := found_in(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation))
    }


def field_names() -> set[str]:
    """Every field name any data model knows: the words a typo is compared with."""
    models = [Bilingual, EnglishOrBoth, Contact, *(d.entry_model for d in DATASETS.values())]
    return {name for m in models for name in m.model_fields}


def newest_check(sources: Mapping[str, Source], source_ids) -> dt.date | None:
    """The latest day any of these sources was checked."""
    return max((sources[s].checked for s in source_ids), default=None)


@dataclass(frozen=True)
class Directory:
    """All the data, each dataset's entries by id in file order."""

    entries: dict[str, dict[str, Entry]]
    # (file, line) of each entry, by (dataset, id).
    locations: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)

    def __getitem__(self, dataset_name: str) -> dict[str, Entry]:
        return self.entries[dataset_name]

    def needs_reverification(self, entry: Entry) -> bool:
        """Marked by an editor, or resting on secondary and mirror sources alone."""
        return entry.needs_reverification or not any(self["sources"][s].is_primary for s in entry.sources)

    def councils_of_forum(self, forum_id: str) -> list[LocalAuthority]:
        return [c for c in self["local-authorities"].values() if c.forum == forum_id]

    def councils_of_force(self, force_id: str) -> list[LocalAuthority]:
        return [c for c in self["local-authorities"].values() if c.police_force == force_id]
