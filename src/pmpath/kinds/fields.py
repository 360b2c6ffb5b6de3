"""Fields, validation and JSON Schema for artifact models, without pydantic.

A kind's model is a class of typed fields, declared the way pydantic declares them
(``name: str = Field(description=...)``, ``Annotated[..., BeforeValidator(f)]``), and
this module reads, checks and describes it. Artifact files are graded on every save,
and pydantic's import alone costs about as much as typer's, which would take a
one-file ``pmpath check`` past its budget (DESIGN.md, "Budgets"). What a learner's
file needs is small: text, numbers, true/false, dates, fixed choices, lists, groups of
named values and nested records. This module does that in plain Python and, like
pydantic, reports every problem of a file at once, each at its place.

The curriculum's models (validated once, then cached) stay on pydantic.

Problems are dictionaries shaped like pydantic's (``type``, ``loc``, ``msg``, ``input``,
``ctx``) so that ``common.schema`` words them for a learner; the messages are
pydantic's too, for the types ``common.schema`` has no plainer words for.

What is read, as pydantic's default ("lax") mode reads it:

- ``str``: text, stripped of surrounding spaces; a number only when the model's
  config says ``coerce_numbers_to_str``.
- ``int``: a whole number, a float with no fraction, or text that reads as one ('3',
  '3.0') (``strict``: an int only); ``float``: a number, or text that reads as one
  (``strict``: an int or a float); ``allow_inf_nan=False`` refuses infinity and NaN.
  Text with Python's ``1_000`` or digits of other scripts is not a number.
- ``bool``: true/false, 0/1, or yes/no, on/off, t/f, y/n, true/false as text
  (``strict``: true/false only); ``date`` with ``strict``: a date only.
- ``date``: a date, a datetime at midnight, or ``YYYY-MM-DD`` text (an ISO datetime
  at midnight too). Unlike pydantic, a number is not a date: 0 is not 1970-01-01.
- ``Literal`` (``Literal[1]`` also reads '1' and 1.0, never true), ``X | None`` and
  other unions (the first option that reads the value wins; when none does, the
  problems of one option are reported, not every option's), ``list[X]``,
  ``dict[str, X]``, ``typing.Any``, and nested models.
- ``Field`` constraints ``gt``, ``ge``, ``lt``, ``le`` and ``min_length``, ``alias``,
  ``default`` and ``default_factory``; ``BeforeValidator``, ``PlainValidator`` and
  ``AfterValidator`` functions, whose ``ValueError`` is a problem at the field.
- Fields a model does not declare are kept (``model_extra``): a kind may grow.
"""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import math
import typing
from collections.abc import Callable
from typing import Any

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
"""The default of a required field."""

_BAD: Any = type("Bad", (), {"__repr__": lambda self: "BAD"})()
"""Returned by a check that recorded a problem instead of a value."""

_UnionType = type(int | None)
"""The type of ``X | Y`` (``typing.Union`` is the other spelling)."""

Loc = tuple[str | int, ...]
Problems = list[dict[str, Any]]
Check = Callable[[Any, Loc, Problems], Any]


# -- declarations -----------------------------------------------------------------------

class FieldInfo:
    """What ``Field(...)`` declares about one field, or about a type in ``Annotated``."""

    __slots__ = ("default", "default_factory", "description", "alias", "gt", "ge", "lt",
                 "le", "min_length", "strict", "allow_inf_nan", "json_schema_extra")

    def __init__(self, default: Any = MISSING, *,
                 default_factory: Callable[[], Any] | None = None,
                 description: str | None = None, alias: str | None = None,
                 gt: float | None = None, ge: float | None = None,
                 lt: float | None = None, le: float | None = None,
                 min_length: int | None = None, strict: bool | None = None,
                 allow_inf_nan: bool | None = None,
                 json_schema_extra: dict[str, Any] | Callable[[dict[str, Any]], None]
                 | None = None) -> None:
        self.default = default
        self.default_factory = default_factory
        self.description = description
        self.alias = alias
        self.gt, self.ge, self.lt, self.le = gt, ge, lt, le
        self.min_length = min_length
        self.strict = strict
        self.allow_inf_nan = allow_inf_nan
        self.json_schema_extra = json_schema_extra

    @property
    def required(self) -> bool:
        return self.default is MISSING and self.default_factory is None

    def merged(self, other: FieldInfo) -> FieldInfo:
        """This declaration with every setting ``other`` makes on top."""
        result = FieldInfo()
        for name in self.__slots__:
            mine, theirs = getattr(self, name), getattr(other, name)
            unset = theirs is MISSING if name == "default" else theirs is None
            setattr(result, name, mine if unset else theirs)
        return result


def Field(default: Any = MISSING, **settings: Any) -> Any:  # noqa: N802 - pydantic's name
    """Declare a field: its default, description, constraints and JSON Schema extras."""
    return FieldInfo(default, **settings)


class BeforeValidator:
    """Runs on the value as written, before the type is checked (e.g. one name → a
    list of one)."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func


class PlainValidator(BeforeValidator):
    """Replaces the type's own check: the function alone reads the value."""

    __slots__ = ()


class AfterValidator(BeforeValidator):
    """Runs on the checked value (e.g. a country code looked up in the holidays)."""

    __slots__ = ()


class WithJsonSchema:
    """The JSON Schema editors see for a type, instead of the one derived from it."""

    __slots__ = ("schema",)

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema


def schema_of(**shown: Any) -> Callable[[dict[str, Any]], None]:
    """A ``json_schema_extra`` for a leniently typed field (``Any``, so that a rule, not the
    schema, explains a wrong value): editors see the value the rule asks for, with the
    field's title and description, not every shape the model lets through."""

    def replace(schema: dict[str, Any]) -> None:
        kept = {key: schema[key] for key in ("title", "description") if key in schema}
        schema.clear()
        schema.update(kept, **shown)

    return replace


def ConfigDict(**options: Any) -> dict[str, Any]:  # noqa: N802 - pydantic's name
    """A model's options; the one read here is ``coerce_numbers_to_str``."""
    return options


class ValidationError(ValueError):
    """Every problem found in one file, each shaped like pydantic's."""

    def __init__(self, title: str, problems: Problems) -> None:
        self.title = title
        self.problems = problems
        super().__init__(self._text())

    def errors(self, include_url: bool = False) -> Problems:
        return [dict(problem) for problem in self.problems]

    def error_count(self) -> int:
        return len(self.problems)

    def _text(self) -> str:
        count = len(self.problems)
        lines = [f"{count} validation error{'' if count == 1 else 's'} for {self.title}"]
        for problem in self.problems:
            lines.append(".".join(str(part) for part in problem["loc"]) or "(file)")
            lines.append(f"  {problem['msg']}")
        return "\n".join(lines)


# -- problems ---------------------------------------------------------------------------

def _problem(problems: Problems, kind: str, loc: Loc, message: str, value: Any,
             **context: Any) -> Any:
    problem: dict[str, Any] = {"type": kind, "loc": loc, "msg": message, "input": value}
    if context:
        problem["ctx"] = context
    problems.append(problem)
    return _BAD


def _bounds(info: FieldInfo | None) -> Check | None:
    """A check of ``gt``/``ge``/``lt``/``le``, or None when there is none."""
    if info is None or (info.gt is None and info.ge is None and info.lt is None
                        and info.le is None):
        return None
    tests = [(limit, test, kind, key, words) for limit, test, kind, key, words in (
        (info.gt, lambda v, n: v > n, "greater_than", "gt", "greater than"),
        (info.ge, lambda v, n: v >= n, "greater_than_equal", "ge", "greater than or equal to"),
        (info.lt, lambda v, n: v < n, "less_than", "lt", "less than"),
        (info.le, lambda v, n: v <= n, "less_than_equal", "le", "less than or equal to"),
    ) if limit is not None]

    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        for limit, test, kind, key, words in tests:
            if not test(value, limit):
                return _problem(problems, kind, loc,
                                f"Input should be {words} {limit:g}", value,
                                **{key: limit})
        return value

    return check


# -- checks of plain types --------------------------------------------------------------

TRUE = frozenset({"true", "yes", "on", "t", "y", "1"})
FALSE = frozenset({"false", "no", "off", "f", "n", "0"})


def _parse(number: Callable[[str], Any], text: str) -> Any:
    """``text`` read as a number. Python's ``1_000`` is not a number a learner writes,
    nor are digits of other scripts ('１２'), which pydantic refuses too; '3.0' is a
    whole number."""
    text = text.strip()
    if "_" in text or not text.isascii():
        raise ValueError(text)
    if number is int and "." in text:
        whole, _, zeros = text.partition(".")
        if not zeros or zeros.strip("0"):
            raise ValueError(text)
        text = whole
    return number(text)


def _check_str(coerce_numbers: bool, least: int | None) -> Check:
    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        if isinstance(value, str):
            text = value.strip()
        elif (coerce_numbers and isinstance(value, (int, float))
              and not isinstance(value, bool)):
            text = str(value)
        else:
            return _problem(problems, "string_type", loc, "Input should be a valid string",
                            value)
        if least is not None and len(text) < least:
            return _problem(problems, "string_too_short", loc,
                            f"String should have at least {least} character"
                            f"{'' if least == 1 else 's'}", value, min_length=least)
        return text
    return check


def _check_bool(value: Any, loc: Loc, problems: Problems) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        return _problem(problems, "bool_parsing", loc,
                        "Input should be a valid boolean, unable to interpret input", value)
    return _problem(problems, "bool_type", loc, "Input should be a valid boolean", value)


def _check_int(strict: bool) -> Check:
    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if not strict:
            if isinstance(value, bool):
                return int(value)
            if isinstance(value, float):
                if value.is_integer():
                    return int(value)
                if math.isfinite(value):
                    return _problem(problems, "int_from_float", loc,
                                    "Input should be a valid integer, got a number with a "
                                    "fractional part", value)
            if isinstance(value, str):
                try:
                    return _parse(int, value)
                except ValueError:
                    return _problem(problems, "int_parsing", loc,
                                    "Input should be a valid integer, unable to parse string "
                                    "as an integer", value)
        return _problem(problems, "int_type", loc, "Input should be a valid integer", value)
    return check


def _check_float(strict: bool, finite: bool) -> Check:
    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:  # a whole number of more than 308 digits, as pydantic
                return _problem(problems, "float_type", loc, "Input should be a valid number",
                                value)
        elif not strict and isinstance(value, bool):
            number = float(value)
        elif not strict and isinstance(value, str):
            try:
                number = _parse(float, value)
            except ValueError:
                return _problem(problems, "float_parsing", loc,
                                "Input should be a valid number, unable to parse string as a "
                                "number", value)
        else:
            return _problem(problems, "float_type", loc, "Input should be a valid number",
                            value)
        if finite and not math.isfinite(number):
            return _problem(problems, "finite_number", loc, "Input should be a finite number",
                            value)
        return number
    return check


def _check_date(value: Any, loc: Loc, problems: Problems) -> Any:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date()
        return _problem(problems, "date_from_datetime_inexact", loc,
                        "Datetimes provided to dates should have zero time - e.g. be exact "
                        "dates", value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text.isascii():
            try:
                if len(text) == 10:
                    return dt.date.fromisoformat(text)
                moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                pass
            else:
                if moment.time() == dt.time(0):
                    return moment.date()
                return _problem(problems, "date_from_datetime_inexact", loc,
                                "Datetimes provided to dates should have zero time - e.g. be "
                                "exact dates", value)
        return _problem(problems, "date_parsing", loc,
                        "Input should be a valid date in the format YYYY-MM-DD", value)
    return _problem(problems, "date_type", loc, "Input should be a valid date", value)


def _check_strict(kind: type, problem: str, message: str) -> Check:
    """``strict=True`` for true/false and dates: only a value of the type itself (a date,
    not a datetime)."""
    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        if type(value) is kind:
            return value
        return _problem(problems, problem, loc, message, value)
    return check


def _check_any(value: Any, loc: Loc, problems: Problems) -> Any:
    return value


def _check_literal(choices: tuple[Any, ...]) -> Check:
    shown = [repr(choice) for choice in choices]
    expected = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
    message = f"Input should be {expected}"

    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        for choice in choices:
            if value == choice and type(value) is type(choice):
                return choice
            if isinstance(choice, int) and not isinstance(choice, bool):
                if isinstance(value, str) and value.strip() == str(choice):
                    return choice
                if isinstance(value, float) and value == choice:
                    return choice
        return _problem(problems, "literal_error", loc, message, value,
                        expected=", ".join(shown))
    return check


def _check_list(item: Check, info: FieldInfo | None) -> Check:
    least = info.min_length if info is not None else None

    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        if not isinstance(value, (list, tuple)):
            return _problem(problems, "list_type", loc, "Input should be a valid list", value)
        result = []
        failed = False
        for index, entry in enumerate(value):
            checked = item(entry, (*loc, index), problems)
            if checked is _BAD:
                failed = True
            else:
                result.append(checked)
        if failed:
            return _BAD
        if least is not None and len(result) < least:
            return _problem(problems, "too_short", loc,
                            f"List should have at least {least} item"
                            f"{'' if least == 1 else 's'} after validation, not {len(result)}",
                            value, field_type="List", min_length=least,
                            actual_length=len(result))
        return result
    return check


def _check_dict(key: Check, item: Check) -> Check:
    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        if not isinstance(value, dict):
            return _problem(problems, "dict_type", loc, "Input should be a valid dictionary",
                            value)
        result = {}
        failed = False
        for name, entry in value.items():
            checked_key = key(name, (*loc, f"[{name!r}]"), problems)
            checked = item(entry, (*loc, name), problems)
            if checked_key is _BAD or checked is _BAD:
                failed = True
            else:
                result[checked_key] = checked
        return _BAD if failed else result
    return check


def _check_union(options: list[Check]) -> Check:
    """The first option that reads the value; when none does, the problems of the first
    option the value had the right type for (NaN for ``int | float`` is "should be
    finite", not "should be a whole number"), else of the first option."""

    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        tried: list[Problems] = []
        for option in options:
            found: Problems = []
            checked = option(value, loc, found)
            if checked is not _BAD:
                return checked
            tried.append(found)
        closest = next((found for found in tried if any(_about_value(problem)
                                                         for problem in found)), tried[0])
        problems.extend(closest)
        return _BAD
    return check


def _about_value(problem: dict[str, Any]) -> bool:
    """A problem with the value itself rather than with its type."""
    return not problem["type"].endswith(("_type", "_parsing", "int_from_float"))


def _check_optional(inner: Check) -> Check:
    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        return None if value is None else inner(value, loc, problems)
    return check


def _run_validator(func: Callable[[Any], Any]) -> Check:
    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        try:
            return func(value)
        except (ValueError, AssertionError) as error:
            return _problem(problems, "value_error", loc, f"Value error, {error}", value,
                            error=str(error))
    return check


def _chain(*checks: Check) -> Check:
    def check(value: Any, loc: Loc, problems: Problems) -> Any:
        for step in checks:
            value = step(value, loc, problems)
            if value is _BAD:
                return _BAD
        return value
    return check


# -- compiling a type into a check ------------------------------------------------------

def _split(annotation: Any) -> tuple[Any, list[Any]]:
    """The bare type and the metadata of ``Annotated`` (flattened)."""
    metadata: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        metadata = [*annotation.__metadata__, *metadata]
        annotation = annotation.__origin__
    return annotation, metadata


def _field_info(metadata: list[Any]) -> FieldInfo | None:
    info: FieldInfo | None = None
    for item in metadata:
        if isinstance(item, FieldInfo):
            info = item if info is None else info.merged(item)
    return info


def _full_info(annotation: Any, declared: FieldInfo) -> FieldInfo:
    """A field's declaration with what ``Annotated[..., Field(...)]`` adds to it."""
    inner = _field_info(_split(annotation)[1])
    return declared if inner is None else inner.merged(declared)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Model)


def compile_check(annotation: Any, config: dict[str, Any],
                  outer: FieldInfo | None = None) -> Check:
    """The check of ``annotation`` under a model's ``config``; ``outer`` is the
    ``Field(...)`` the field was declared with, whose constraints apply to the value."""
    annotation, metadata = _split(annotation)
    info = _field_info(metadata)
    if outer is not None:
        info = outer if info is None else info.merged(outer)
    validators = [item for item in metadata if isinstance(item, BeforeValidator)]
    plain = next((item for item in validators if type(item) is PlainValidator), None)
    if plain is not None:
        core = _run_validator(plain.func)
    else:
        core = _type_check(annotation, config, info)
    bounds = _bounds(info) if annotation in (int, float) and plain is None else None
    before = [_run_validator(item.func) for item in reversed(validators)
              if type(item) is BeforeValidator]
    after = [_run_validator(item.func) for item in validators if type(item) is AfterValidator]
    steps = [*before, core, *([bounds] if bounds else []), *after]
    return steps[0] if len(steps) == 1 else _chain(*steps)


def _type_check(annotation: Any, config: dict[str, Any], info: FieldInfo | None) -> Check:
    origin = typing.get_origin(annotation)
    strict = bool(info is not None and info.strict)
    if annotation is Any or annotation is object:
        return _check_any
    if annotation is str:
        return _check_str(bool(config.get("coerce_numbers_to_str")),
                          info.min_length if info is not None else None)
    if annotation is bool:
        return _check_strict(bool, "bool_type", "Input should be a valid boolean") \
            if strict else _check_bool
    if annotation is int:
        return _check_int(strict)
    if annotation is float:
        finite = info is not None and info.allow_inf_nan is False
        return _check_float(strict, finite)
    if annotation is dt.date:
        return _check_strict(dt.date, "date_type", "Input should be a valid date") \
            if strict else _check_date
    if _is_model(annotation):
        return annotation._check
    if origin is typing.Literal:
        return _check_literal(typing.get_args(annotation))
    if origin in (typing.Union, _UnionType):
        args = typing.get_args(annotation)
        options = [arg for arg in args if arg is not type(None)]
        checks = [compile_check(arg, config, _constraints_only(info)) for arg in options]
        inner = checks[0] if len(checks) == 1 else _check_union(checks)
        return _check_optional(inner) if len(options) < len(args) else inner
    if origin in (list, tuple) or annotation in (list, tuple):
        (item,) = typing.get_args(annotation)[:1] or (Any,)
        return _check_list(compile_check(item, config), info)
    if origin is dict or annotation is dict:
        key, item = typing.get_args(annotation) or (Any, Any)
        return _check_dict(compile_check(key, config), compile_check(item, config))
    raise TypeError(f"artifact models cannot declare a field of type {annotation!r}")


def _constraints_only(info: FieldInfo | None) -> FieldInfo | None:
    """A field's settings that reach the non-null type of ``X | None``."""
    if info is None:
        return None
    return FieldInfo(strict=info.strict, allow_inf_nan=info.allow_inf_nan, gt=info.gt,
                     ge=info.ge, lt=info.lt, le=info.le, min_length=info.min_length)


# -- models -----------------------------------------------------------------------------

class _Field:
    """A compiled field: where it is read from, its check and its default."""

    __slots__ = ("name", "key", "check", "info")

    def __init__(self, name: str, key: str, check: Check, info: FieldInfo) -> None:
        self.name, self.key, self.check, self.info = name, key, check, info

    def default(self) -> Any:
        info = self.info
        if info.default_factory is not None:
            return info.default_factory()
        value = info.default
        return copy.deepcopy(value) if isinstance(value, (list, dict)) else value


class Model:
    """A record of typed fields; ``model_validate`` reads one from parsed YAML."""

    model_config: dict[str, Any] = {}
    __declared__: dict[str, FieldInfo] = {}
    __compiled__: list[_Field] | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declared: dict[str, FieldInfo] = {}
        for base in reversed(cls.__mro__[1:]):
            declared.update(base.__dict__.get("__declared__", {}))
        for name in cls.__dict__.get("__annotations__", {}):
            if name.startswith("_") or name in ("model_config",):
                continue
            value = cls.__dict__.get(name, MISSING)
            if isinstance(value, property):
                continue
            declared[name] = value if isinstance(value, FieldInfo) else FieldInfo(value)
            if value is not MISSING:
                delattr(cls, name)  # the value lives on each instance, like pydantic's
        cls.__declared__ = declared
        cls.__compiled__ = None

    # -- reading ----------------------------------------------------------------------

    @classmethod
    def _fields(cls) -> list[_Field]:
        compiled = cls.__dict__.get("__compiled__")
        if compiled is None:
            hints = typing.get_type_hints(cls, include_extras=True)
            config = {}
            for base in reversed(cls.__mro__):
                config.update(base.__dict__.get("model_config", {}))
            compiled = cls.__compiled__ = []  # before compiling: a model may hold itself
            for name, declared in cls.__declared__.items():
                info = _full_info(hints[name], declared)
                compiled.append(_Field(name, info.alias or name,
                                       compile_check(hints[name], config, declared), info))
        return compiled

    @classmethod
    def _check(cls, value: Any, loc: Loc, problems: Problems) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, dict):
            return _problem(problems, "model_type", loc,
                            f"Input should be a valid dictionary or instance of {cls.__name__}",
                            value, class_name=cls.__name__)
        values: dict[str, Any] = {}
        given: set[str] = set()
        failed = False
        known = set()
        for field in cls._fields():
            key = field.key
            known.add(key)
            if key in value:
                given.add(field.name)
                checked = field.check(value[key], (*loc, key), problems)
                if checked is _BAD:
                    failed = True
                else:
                    values[field.name] = checked
            elif field.info.required:
                _problem(problems, "missing", (*loc, key), "Field required", value)
                failed = True
            else:
                values[field.name] = field.default()
        if failed:
            return _BAD
        record = cls.__new__(cls)
        record.__dict__.update(values)
        extra = {key: item for key, item in value.items() if key not in known}
        object.__setattr__(record, "__extra__", extra)
        object.__setattr__(record, "__given__", given)
        return record

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        """The record ``data`` describes, or a ValidationError listing every problem."""
        problems: Problems = []
        record = cls._check(data, (), problems)
        if record is _BAD:
            raise ValidationError(cls.__name__, problems)
        return record

    def __init__(self, **data: Any) -> None:
        problems: Problems = []
        record = type(self)._check(data, (), problems)
        if record is _BAD:
            raise ValidationError(type(self).__name__, problems)
        self.__dict__.update(record.__dict__)

    # -- using ------------------------------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        extra = self.__dict__.get("__extra__") or {}
        if name in extra:
            return extra[name]
        raise AttributeError(f"{type(self).__name__!r} has no field {name!r}")

    @property
    def model_extra(self) -> dict[str, Any]:
        """The fields the file holds that the model does not declare."""
        return self.__dict__.get("__extra__", {})

    @property
    def model_fields_set(self) -> set[str]:
        """The fields the file wrote (the others took their defaults)."""
        return self.__dict__.get("__given__", set())

    def _values(self) -> dict[str, Any]:
        return {name: value for name, value in self.__dict__.items()
                if not name.startswith("__")}

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values() and self.model_extra == other.model_extra

    __hash__ = None  # type: ignore[assignment] - mutable records are not hashable

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self._values().items())
        return f"{type(self).__name__}({shown})"

    def model_copy(self, update: dict[str, Any] | None = None) -> Any:
        duplicate = type(self).__new__(type(self))
        duplicate.__dict__.update(self.__dict__)
        duplicate.__dict__.update(update or {})
        duplicate.__dict__["__given__"] = self.model_fields_set | set(update or {})
        return duplicate

    def model_dump(self, *, mode: str = "python", by_alias: bool = False,
                   exclude_unset: bool = False) -> dict[str, Any]:
        """The record as plain data: nested records become dictionaries."""
        result: dict[str, Any] = {}
        for field in type(self)._fields():
            if exclude_unset and field.name not in self.model_fields_set:
                continue
            key = field.key if by_alias else field.name
            result[key] = _dump(self.__dict__[field.name], mode, by_alias, exclude_unset)
        for key, value in self.model_extra.items():
            result[key] = _dump(value, mode, by_alias, exclude_unset)
        return result

    @classmethod
    def model_json_schema(cls, mode: str = "validation") -> dict[str, Any]:
        """The JSON Schema (2020-12) of the model: what editors check a file against."""
        definitions: dict[str, Any] = {}
        schema = _model_schema(cls, definitions)
        if definitions:
            schema = {"$defs": dict(sorted(definitions.items())), **schema}
        return schema


def _dump(value: Any, mode: str, by_alias: bool, exclude_unset: bool) -> Any:
    if isinstance(value, Model):
        return value.model_dump(mode=mode, by_alias=by_alias, exclude_unset=exclude_unset)
    if isinstance(value, list):
        return [_dump(item, mode, by_alias, exclude_unset) for item in value]
    if isinstance(value, dict):
        return {key: _dump(item, mode, by_alias, exclude_unset) for key, item in value.items()}
    if mode == "json" and isinstance(value, dt.date):
        return value.isoformat()
    return value


# -- JSON Schema ------------------------------------------------------------------------

def _model_schema(cls: type[Model], definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, include_extras=True)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, declared in cls.__declared__.items():
        info = _full_info(hints[name], declared)
        key = info.alias or name
        properties[key] = _field_schema(name, hints[name], info, definitions)
        if info.required:
            required.append(key)
    schema: dict[str, Any] = {"additionalProperties": True, "properties": properties}
    if required:
        schema["required"] = required
    schema["title"] = cls.__name__
    schema["type"] = "object"
    if cls.__doc__ and cls.__doc__ is not Model.__doc__:
        schema["description"] = inspect.cleandoc(cls.__doc__)
    return schema


def _field_schema(name: str, annotation: Any, info: FieldInfo,
                  definitions: dict[str, Any]) -> dict[str, Any]:
    schema = _type_schema(annotation, definitions, info)
    if "$ref" in schema:
        schema = {"$ref": schema["$ref"]}
    result: dict[str, Any] = {**schema}
    if not info.required and info.default_factory is None:
        result["default"] = _json_value(info.default)
    result["title"] = name.strip("_").replace("_", " ").title()
    if info.description:
        result["description"] = info.description
    extra = info.json_schema_extra
    if callable(extra):
        extra(result)
    elif extra:
        result.update(extra)
    return result


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_value(item) for item in value]
    return value


def _constrain(schema: dict[str, Any], info: FieldInfo | None) -> dict[str, Any]:
    if info is None:
        return schema
    for key, limit in (("exclusiveMinimum", info.gt), ("minimum", info.ge),
                       ("exclusiveMaximum", info.lt), ("maximum", info.le)):
        if limit is not None and schema.get("type") in ("integer", "number"):
            schema[key] = limit
    if info.min_length is not None:
        if schema.get("type") == "array":
            schema["minItems"] = info.min_length
        elif schema.get("type") == "string":
            schema["minLength"] = info.min_length
    return schema


def _type_schema(annotation: Any, definitions: dict[str, Any],
                 outer: FieldInfo | None = None) -> dict[str, Any]:
    annotation, metadata = _split(annotation)
    replaced = next((item for item in metadata if isinstance(item, WithJsonSchema)), None)
    if replaced is not None:
        return dict(replaced.schema)
    info = _field_info(metadata)
    if outer is not None:
        info = outer if info is None else info.merged(outer)
    origin = typing.get_origin(annotation)
    if annotation is Any or annotation is object:
        return {}
    simple = {str: "string", bool: "boolean", int: "integer", float: "number"}
    if annotation in simple:
        return _constrain({"type": simple[annotation]}, info)
    if annotation is dt.date:
        return {"format": "date", "type": "string"}
    if _is_model(annotation):
        if annotation.__name__ not in definitions:
            definitions[annotation.__name__] = {}  # a placeholder while it is built
            definitions[annotation.__name__] = _model_schema(annotation, definitions)
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    if origin is typing.Literal:
        choices = list(typing.get_args(annotation))
        schema: dict[str, Any] = ({"const": choices[0]} if len(choices) == 1
                                  else {"enum": choices})
        kinds = {type(choice) for choice in choices}
        if len(kinds) == 1:
            schema["type"] = simple.get(kinds.pop(), "string")
        return schema
    if origin in (typing.Union, _UnionType):
        args = typing.get_args(annotation)
        return {"anyOf": [_type_schema(arg, definitions, _constraints_only(info))
                          if arg is not type(None) else {"type": "null"} for arg in args]}
    if origin in (list, tuple) or annotation in (list, tuple):
        (item,) = typing.get_args(annotation)[:1] or (Any,)
        return _constrain({"items": _type_schema(item, definitions), "type": "array"}, info)
    if origin is dict or annotation is dict:
        _, item = typing.get_args(annotation) or (Any, Any)
        return {"additionalProperties": _type_schema(item, definitions), "type": "object"}
    raise TypeError(f"artifact models cannot declare a field of type {annotation!r}")
