/// `dataclasses` in the script language. Fields come from the class body's annotated
/// names in order (the compiler records them in `__annotations__`; annotation values
/// themselves are not kept, so `ClassVar`/`InitVar` are not recognised).
enum DataclassesSource {
    static let text = #"""
class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'

MISSING = _MISSING_TYPE()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only

    def __repr__(self):
        return (f'Field(name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},'
                f'hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},kw_only={self.kw_only!r})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _names_text(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _process_class(cls, init, repr_, eq, order, unsafe_hash, frozen, kw_only):
    fields = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    for name in annotations:
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError(f'mutable default {type(default)} for field {name} is not allowed: use default_factory')
            f = Field(default, MISSING, True, True, None, True, None, kw_only)
        f.name = name
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        fields[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                if name in cls.__dict__:
                    delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = (init, repr_, eq, order, unsafe_hash, frozen)
    all_fields = list(fields.values())
    init_fields = [f for f in all_fields if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword_only = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    qualname = cls.__qualname__

    if init:
        def __init__(self, *args, **kwargs):
            if len(args) > len(positional):
                raise TypeError(f'{qualname}.__init__() takes {len(positional) + 1} positional arguments but {len(args) + 1} were given')
            values = {}
            for f, a in zip(positional, args):
                values[f.name] = a
            for k, v in kwargs.items():
                if k not in fields or not fields[k].init:
                    raise TypeError(f"{qualname}.__init__() got an unexpected keyword argument '{k}'")
                if k in values:
                    raise TypeError(f"{qualname}.__init__() got multiple values for argument '{k}'")
                values[k] = v
            missing = [f.name for f in positional if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                plural = 'argument' if len(missing) == 1 else 'arguments'
                raise TypeError(f'{qualname}.__init__() missing {len(missing)} required positional {plural}: {_names_text(missing)}')
            missing = [f.name for f in keyword_only if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                plural = 'argument' if len(missing) == 1 else 'arguments'
                raise TypeError(f'{qualname}.__init__() missing {len(missing)} required keyword-only {plural}: {_names_text(missing)}')
            for f in all_fields:
                if f.name in values:
                    value = values[f.name]
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                elif f.default is not MISSING:
                    value = f.default
                else:
                    continue
                object.__setattr__(self, f.name, value)
            post_init = getattr(self, '__post_init__', None)
            if post_init is not None:
                post_init()
        __init__.__qualname__ = qualname + '.__init__'
        cls.__init__ = __init__

    if repr_ and '__repr__' not in cls.__dict__:
        def __repr__(self):
            parts = [f'{f.name}={getattr(self, f.name)!r}' for f in all_fields if f.repr]
            return f'{self.__class__.__qualname__}(' + ', '.join(parts) + ')'
        cls.__repr__ = __repr__

    compare_fields = [f for f in all_fields if f.compare]

    def _key(obj):
        return tuple([getattr(obj, f.name) for f in compare_fields])

    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) == _key(other)
            return NotImplemented
        cls.__eq__ = __eq__

    if order:
        def __lt__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) < _key(other)
            return NotImplemented
        def __le__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) <= _key(other)
            return NotImplemented
        def __gt__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) > _key(other)
            return NotImplemented
        def __ge__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) >= _key(other)
            return NotImplemented
        cls.__lt__ = __lt__
        cls.__le__ = __le__
        cls.__gt__ = __gt__
        cls.__ge__ = __ge__

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")
        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    if '__hash__' not in cls.__dict__:
        if frozen and eq or unsafe_hash:
            def __hash__(self):
                return hash(_key(self))
            cls.__hash__ = __hash__
        elif eq:
            cls.__hash__ = None
    cls.__match_args__ = tuple([f.name for f in positional])
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(found.values())


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def _asdict_inner(obj, dict_factory):
    if hasattr(obj, '__dataclass_fields__') and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    def inner(o):
        if hasattr(o, '__dataclass_fields__') and not isinstance(o, type):
            return tuple_factory([inner(getattr(o, f.name)) for f in fields(o)])
        if isinstance(o, (list, tuple)):
            return type(o)([inner(v) for v in o])
        if isinstance(o, dict):
            return type(o)((inner(k), inner(v)) for k, v in o.items())
        return o
    return inner(obj)


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
"""#
}

/// `textwrap.dedent`, `fill`, `wrap`, `indent`, `shorten` (greedy, like CPython's defaults).
enum TextwrapSource {
    static let text = #"""
def dedent(text):
    lines = text.split('\n')
    margin = None
    for line in lines:
        stripped = line.lstrip(' \t')
        if not stripped:
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            common = ''
            for a, b in zip(margin, indent):
                if a != b:
                    break
                common += a
            margin = common
    out = []
    for line in lines:
        if not line.strip(' \t'):
            out.append('')
        elif margin:
            out.append(line[len(margin):])
        else:
            out.append(line)
    return '\n'.join(out)


def indent(text, prefix, predicate=None):
    if predicate is None:
        predicate = lambda line: line.strip()
    return ''.join([prefix + line if predicate(line) else line for line in text.splitlines(True)])


def wrap(text, width=70, initial_indent='', subsequent_indent='', break_long_words=True, **kwargs):
    words = text.split()
    lines = []
    current = initial_indent
    current_has_word = False
    for word in words:
        prefix = initial_indent if not lines else subsequent_indent
        if not current_has_word:
            candidate = prefix + word
        else:
            candidate = current + ' ' + word
        if len(candidate) <= width or not current_has_word:
            if not current_has_word and len(candidate) > width and break_long_words:
                room = width - len(prefix)
                while len(word) > room and room > 0:
                    lines.append(prefix + word[:room])
                    word = word[room:]
                    prefix = subsequent_indent
                    room = width - len(prefix)
                candidate = prefix + word
            current = candidate
            current_has_word = True
        else:
            lines.append(current)
            current = subsequent_indent + word
            current_has_word = True
    if current_has_word:
        lines.append(current)
    return lines


def fill(text, width=70, **kwargs):
    return '\n'.join(wrap(text, width, **kwargs))


def shorten(text, width, placeholder=' [...]', **kwargs):
    text = ' '.join(text.split())
    if len(text) <= width:
        return text
    words = text.split()
    out = ''
    for word in words:
        candidate = (out + ' ' + word) if out else word
        if len(candidate) + len(placeholder) > width:
            break
        out = candidate
    return out + placeholder
"""#
}
