/// Standard modules written in the script language itself, compiled at first import:
/// their behaviour (reprs, error texts) follows CPython's pure-Python versions.
enum EmbeddedModules {
    static let sources: [String: String] = [
        "collections": collections,
        "dataclasses": DataclassesSource.text,
        "textwrap": TextwrapSource.text,
        "abc": abcSource,
        "contextlib": contextlibSource,
        "collections.abc": collectionsAbc,
    ]

    /// Python code run inside a native module after it is created (helpers easier in Python).
    static let extensions: [String: String] = [
        "functools": functoolsExtension,
        "typing": typingExtension,
        "time": timeExtension,
    ]

    static let typingExtension = #"""
class NamedTuple:
    _sftnb_namedtuple = True

def _namedtuple_from_class(name, ns):
    from collections import namedtuple
    fields = list(ns.get('__annotations__', {}))
    defaults = [ns[f] for f in fields if f in ns]
    base = namedtuple(name, fields, defaults=defaults if defaults else None)
    skip = set(fields) | {'__annotations__', '__module__', '__qualname__'}
    body = {k: v for k, v in ns.items() if k not in skip}
    return type(name, (base,), body)
"""#

    static let timeExtension = #"""
class struct_time(tuple):
    def __new__(cls, values):
        return tuple.__new__(cls, values)
    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    def __repr__(self):
        names = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst']
        return 'time.struct_time(' + ', '.join([f'{n}={v}' for n, v in zip(names, self)]) + ')'

def gmtime(secs=None):
    return struct_time(_gmtime(secs, False))

def localtime(secs=None):
    return struct_time(_gmtime(secs, True))

def strftime(format, t=None):
    return _strftime(format, tuple(t) if t is not None else _gmtime(None, True))
"""#

    static let collections = #"""
import collections.abc as abc

class Counter(dict):
    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:n]

    def elements(self):
        out = []
        for elem, count in self.items():
            for _ in range(count):
                out.append(elem)
        return iter(out)

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) + count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        items = ', '.join([f'{k!r}: {v!r}' for k, v in self.most_common()])
        return f'{self.__class__.__name__}({{{items}}})'

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        return Counter({k: v for k, v in self.items() if v > 0})

    def __neg__(self):
        return Counter({k: 0 - v for k, v in self.items() if v < 0})

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return dict.__eq__(self, other)
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        return not self == other

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        return f'defaultdict({self.default_factory!r}, {dict.__repr__(self)})'

    def copy(self):
        return defaultdict(self.default_factory, self)


class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            for k, v in rest:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self.keys()))) if last else next(iter(self.keys()))
        value = self.pop(key)
        return key, value

    def copy(self):
        return OrderedDict(self)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        return f'{self.__class__.__name__}({list(self.items())!r})'

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        return dict.__eq__(self, other)


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def count(self, x):
        return self._items.count(x)

    def index(self, x):
        return self._items.index(x)

    def remove(self, value):
        self._items.remove(value)

    def reverse(self):
        self._items.reverse()

    def copy(self):
        return deque(self._items, self.maxlen)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self.maxlen})'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(field_names)
    n = len(field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    field_defaults = dict(zip(field_names[n - len(defaults):], defaults))

    def __new__(cls, *args, **kwargs):
        if len(args) > n:
            raise TypeError(f'{typename}.__new__() takes {n + 1} positional arguments but {len(args) + 1} were given')
        values = dict(zip(field_names, args))
        for k, v in kwargs.items():
            if k not in field_names:
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{k}'")
            if k in values:
                raise TypeError(f"{typename}.__new__() got multiple values for argument '{k}'")
            values[k] = v
        missing = [f for f in field_names if f not in values and f not in field_defaults]
        if missing:
            quoted = [repr(m) for m in missing]
            if len(quoted) == 1:
                names = quoted[0]
            elif len(quoted) == 2:
                names = quoted[0] + ' and ' + quoted[1]
            else:
                names = ', '.join(quoted[:-1]) + ', and ' + quoted[-1]
            plural = 'argument' if len(missing) == 1 else 'arguments'
            raise TypeError(f'{typename}.__new__() missing {len(missing)} required positional {plural}: {names}')
        return tuple.__new__(cls, [values[f] if f in values else field_defaults[f] for f in field_names])

    def __repr__(self):
        return typename + '(' + ', '.join([f'{name}={value!r}' for name, value in zip(field_names, self)]) + ')'

    def _asdict(self):
        return dict(zip(field_names, self))

    def _replace(self, **kwargs):
        values = dict(zip(field_names, self))
        for k, v in kwargs.items():
            if k not in field_names:
                raise ValueError(f'Got unexpected field names: {[k]!r}')
            values[k] = v
        return self.__class__(**values)

    def _make(cls, iterable):
        return cls(*iterable)

    namespace = {
        '__new__': __new__,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '_replace': _replace,
        '_make': classmethod(_make),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__slots__': (),
    }
    for index, name in enumerate(field_names):
        namespace[name] = property(lambda self, index=index: self[index])
    result = type(typename, (tuple,), namespace)
    return result


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        seen = {}
        for m in reversed(self.maps):
            for k in m:
                seen[k] = None
        return iter(seen)

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __repr__(self):
        return f"ChainMap({', '.join([repr(m) for m in self.maps])})"
"""#

    static let collectionsAbc = #"""
class Iterable:
    pass
class Iterator(Iterable):
    pass
class Mapping:
    pass
class MutableMapping(Mapping):
    pass
class Sequence:
    pass
class MutableSequence(Sequence):
    pass
class Callable:
    pass
class Hashable:
    pass
class Sized:
    pass
class Container:
    pass
class Set:
    pass
class Generator(Iterator):
    pass
"""#

    static let abcSource = #"""
class ABC:
    pass

class ABCMeta(type):
    pass

def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj
"""#

    static let contextlibSource = #"""
class _GeneratorContextManager:
    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        return next(self.gen)

    def __exit__(self, typ, value, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(value)
        except StopIteration:
            return True
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func(*args, **kwds))
    helper.__name__ = func.__name__
    helper.__doc__ = func.__doc__
    return helper


class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        return None

    def __exit__(self, typ, value, tb):
        return typ is not None and issubclass(typ, self._exceptions)


class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        return False
"""#

    static let functoolsExtension = #"""
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)

class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))
    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])
    def __repr__(self):
        return f'CacheInfo(hits={self[0]}, misses={self[1]}, maxsize={self[2]}, currsize={self[3]})'

def lru_cache(maxsize=128, typed=False):
    def decorating_function(user_function):
        cache = {}
        stats = [0, 0]
        def wrapper(*args, **kwargs):
            key = args
            if kwargs:
                key = args + (object,) + tuple(sorted(kwargs.items()))
            if key in cache:
                stats[0] += 1
                value = cache.pop(key)
                cache[key] = value
                return value
            stats[1] += 1
            result = user_function(*args, **kwargs)
            if maxsize is not None and maxsize > 0 and len(cache) >= maxsize:
                del cache[next(iter(cache))]
            if maxsize is None or maxsize > 0:
                cache[key] = result
            return result
        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))
        def cache_clear():
            cache.clear()
            stats[0] = 0
            stats[1] = 0
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        update_wrapper(wrapper, user_function)
        return wrapper
    if callable(maxsize) and not isinstance(maxsize, int):
        user_function = maxsize
        maxsize = 128
        return decorating_function(user_function)
    return decorating_function

def cache(user_function):
    return lru_cache(maxsize=None)(user_function)

def cached_property(func):
    name = func.__name__
    def getter(self):
        d = self.__dict__
        if name not in d:
            value = func(self)
            setattr(self, name, value)
            return value
        return d[name]
    return property(getter)

def total_ordering(cls):
    d = cls.__dict__
    if '__lt__' in d:
        if '__gt__' not in d:
            cls.__gt__ = lambda self, other: other < self
        if '__le__' not in d:
            cls.__le__ = lambda self, other: not other < self
        if '__ge__' not in d:
            cls.__ge__ = lambda self, other: not self < other
    elif '__le__' in d:
        if '__ge__' not in d:
            cls.__ge__ = lambda self, other: other <= self
        if '__lt__' not in d:
            cls.__lt__ = lambda self, other: self <= other and not self == other
        if '__gt__' not in d:
            cls.__gt__ = lambda self, other: not self <= other
    elif '__gt__' in d:
        if '__lt__' not in d:
            cls.__lt__ = lambda self, other: other > self
        if '__ge__' not in d:
            cls.__ge__ = lambda self, other: not other > self
        if '__le__' not in d:
            cls.__le__ = lambda self, other: not self > other
    return cls

def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K
"""#
}
