#!/usr/bin/env python3
"""Golden fixtures for sftnb's Jinja chat-template renderer.

Renders with transformers' own code (transformers.utils.chat_template_utils:
the same compiled jinja2 ImmutableSandboxedEnvironment(trim_blocks=True,
lstrip_blocks=True, extensions=[AssistantTracker, loopcontrols]) with its
tojson / raise_exception / strftime_now, and render_jinja_template for chats,
after the message normalisation apply_chat_template does).

Outputs (Tests/EngineTests/Fixtures/chat_templates/):
  jinja_cases.json  small templates exercising one Jinja feature each
  jinja_random_cases.json  seeded random nestings of tags and whitespace control
  chat_cases.json   real model chat templates x conversations x add_generation_prompt

Run: /work/venv/bin/python tools/gen_chat_template_fixtures.py
"""
import datetime as _dt
import json
import os
import random
import sys
from pathlib import Path

import jinja2
import transformers
import trl
from transformers.utils import chat_template_utils as ctu

OUT = Path(__file__).resolve().parent.parent / "Tests/EngineTests/Fixtures/chat_templates"
TRL_TEMPLATES = Path(trl.__file__).parent / "chat_templates"
# strftime_now reads datetime.now(); fix it at noon so the date is the same in any time zone.
FIXED_NOW = _dt.datetime(2025, 3, 14, 12, 0, 0)


class _FixedDatetime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return FIXED_NOW


ctu.datetime = _FixedDatetime


def render_plain(template, variables):
    """One template with variables, through transformers' compiled environment."""
    try:
        compiled = ctu._compile_jinja_template(template)
        return {"output": compiled.render(**variables)}
    except Exception as e:  # noqa: BLE001 - every failure is part of the fixture
        return error_record(e)


def error_record(e):
    rec = {"error": type(e).__name__, "message": str(e) if not isinstance(e, jinja2.TemplateSyntaxError) else e.message}
    if isinstance(e, jinja2.TemplateSyntaxError):
        rec["line"] = e.lineno
    return rec


# ---------------------------------------------------------------- unit cases
U = []


def case(case_name, template, **variables):
    U.append({"name": case_name, "template": template, "variables": variables})


# output and literals
case("text only", "hello world")
case("print int", "{{ 42 }}")
case("print float", "{{ 1.5 }} {{ 2.0 }} {{ 1e16 }} {{ 1e15 }} {{ 0.1 + 0.2 }} {{ 1e-5 }} {{ 123456.789 }}")
case("print none bool", "{{ none }} {{ None }} {{ true }} {{ False }}")
case("print list repr", "{{ [1, 'a', none, true, 1.5, [2], {'k': 'v'}] }}")
case("print tuple repr", "{{ (1,) }} {{ (1, 'b') }} {{ () }}")
case("print dict repr", "{{ {'a': 1, 'b': [1, 2], 3: 'x'} }}")
case("string repr quotes", "{{ [\"it's\", 'say \"hi\"', 'both \\' \"', 'nl\\nx', 'tab\\t', 'back\\\\slash'] }}")
case("string escapes", "{{ 'a\\nb\\tc\\\\d\\'e' }}|{{ \"q\\\"q\" }}|{{ '\\u00e9\\x41' }}")
case("adjacent strings", "{{ 'a' 'b' \"c\" }}")
case("unicode passthrough", "{{ x }} {{ [x] }}", x="héllo 世界 🤖")
case("undefined prints empty", "[{{ nothing }}]")
case("undefined attr of dict", "[{{ d.missing }}][{{ d['missing'] }}]", d={"a": 1})
case("integer literals", "{{ 0x1F }} {{ 0o17 }} {{ 0b101 }} {{ 1_000 }}")
# whitespace control
case("trim_blocks", "{% if true %}\nyes\n{% endif %}\nafter")
case("lstrip_blocks", "start\n    {% if true %}\n    body\n    {% endif %}\nend")
case("lstrip not for variables", "line\n    {{ 'v' }}\nend")
case("minus strips both sides", "a   \n  {%- if true -%}  \n  b  \n  {%- endif -%}\n   c")
case("minus on variables", "x  \n {{- 'y' -}} \n  z")
case("plus disables lstrip", "a\n    {%+ if true %}b{% endif %}")
case("plus disables trim", "{% if true +%}\nkept newline{% endif %}")
case("comment trim", "a\n  {# a comment #}\nb")
case("comment minus", "a   {#- c -#}   b")
case("raw block", "{% raw %}{{ not evaluated }} {% if %}{% endraw %}")
case("raw with newline", "x\n{% raw %}\n  {{ a }}\n{% endraw %}\ny")
case("trailing newline dropped", "line\n")
case("two trailing newlines", "line\n\n")
case("crlf normalised", "a\r\nb{% if true %}\r\nc{% endif %}")
case("lstrip with tabs", "x\n\t \t{% if true %}y{% endif %}")
case("lstrip mid-line no effect", "x  {% if true %}y{% endif %}")
case("lstrip after block newline", "{% for i in [1, 2] %}\n  {% if i %}\n{{ i }}\n  {% endif %}\n{% endfor %}")
case("indented multiline template", """{% for m in messages %}
    {% if m.role == 'user' %}
        U: {{ m.content }}
    {% else %}
        A: {{ m.content }}
    {% endif %}
{% endfor %}""", messages=[{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}])
# if / for
case("if elif else", "{% for x in [1, 2, 3] %}{% if x == 1 %}one{% elif x == 2 %}two{% else %}many{% endif %},{% endfor %}")
case("for loop vars", "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}")
case("for previtem nextitem", "{% for x in [1, 2, 3] %}[{{ loop.previtem }}|{{ loop.nextitem }}]{% endfor %}")
case("for else", "{% for x in [] %}x{% else %}empty{% endfor %}")
case("for over dict", "{% for k in d %}{{ k }}{% endfor %}", d={"b": 1, "a": 2})
case("for items unpack", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", d={"b": 1, "a": 2})
case("for items filter", "{% for k, v in d|items %}{{ k }}={{ v }};{% endfor %}", d={"x": "1", "y": "2"})
case("for filter", "{% for m in ms if m != 2 %}{{ m }}{{ loop.index }}{{ loop.last }} {% endfor %}", ms=[1, 2, 3])
case("break continue", "{% for i in range(10) %}{% if i == 2 %}{% continue %}{% endif %}{% if i > 4 %}{% break %}{% endif %}{{ i }}{% endfor %}")
case("nested loops", "{% for a in [1, 2] %}{% for b in 'xy' %}{{ a }}{{ b }}{{ loop.index }} {% endfor %}{{ loop.index }}|{% endfor %}")
case("recursive loop", "{% for item in tree recursive %}{{ loop.depth }}{{ item.name }}{% if item.children %}[{{ loop(item.children) }}]{% endif %}{% if not loop.last %},{% endif %}{% endfor %}",
     tree=[{"name": "a", "children": [{"name": "b"}, {"name": "c", "children": [{"name": "d"}]}]}, {"name": "e"}])
case("recursive loop with filter", "{% for k, v in d.items() if k != 'skip' recursive %}{{ k }}{% if v is mapping %}({{ loop(v.items()) }}){% endif %};{% endfor %}",
     d={"x": {"y": 1, "skip": 2, "z": {"w": 3}}, "skip": 0})
case("calling a non-recursive loop", "{% for i in [1] %}{{ loop([2]) }}{% endfor %}")
case("loop cycle", "{% for i in range(5) %}{{ loop.cycle('a', 'b') }}{% endfor %}")
case("for over undefined", "[{% for x in nothing %}{{ x }}{% endfor %}]")
case("for over none errors", "{% for x in none %}{{ x }}{% endfor %}")
case("for over string", "{% for c in 'hé!' %}<{{ c }}>{% endfor %}")
case("tuple unpack list", "{% for a, b in [[1, 2], [3, 4]] %}{{ a + b }}{% endfor %}")
# set / namespace / scoping
case("set simple", "{% set x = 3 %}{% set y = x * 2 %}{{ y }}")
case("set tuple", "{% set a, b = 1, 2 %}{{ a }}{{ b }}")
case("set in loop does not leak", "{% set x = 0 %}{% for i in [1, 2] %}{{ x }}{% set x = i %}{{ x }}{% endfor %}{{ x }}")
case("set in if leaks", "{% if true %}{% set x = 5 %}{% endif %}{{ x }}")
case("namespace", "{% set ns = namespace(found=false, n=0) %}{% for i in [1, 2, 3] %}{% if i == 2 %}{% set ns.found = true %}{% endif %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.found }} {{ ns.n }}")
case("namespace from dict", "{% set ns = namespace({'a': 1}, b=2) %}{{ ns.a }}{{ ns.b }}")
case("set block", "{% set body %}Hello {{ name }}!{% endset %}[{{ body }}]", name="Ann")
case("set block with filter", "{% set body | upper %}abc{% endset %}{{ body }}")
case("with block", "{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}[{{ a }}]")
# macros
case("macro basic", "{% macro greet(name, punct='!') %}Hi {{ name }}{{ punct }}{% endmacro %}{{ greet('A') }} {{ greet('B', '?') }} {{ greet(name='C', punct='.') }}")
case("macro varargs kwargs", "{% macro m(a, b=2) %}{{ a }}{{ b }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1) }}|{{ m(1, 3, 4, z=5) }}")
case("macro missing arg", "{% macro m(a, b) %}[{{ a }}][{{ b }}]{% endmacro %}{{ m(1) }}")
case("macro in loop", "{% macro item(x) %}<{{ x }}>{% endmacro %}{% for i in [1, 2] %}{{ item(i) }}{% endfor %}")
case("call block", "{% macro wrap() %}[{{ caller() }}]{% endmacro %}{% call wrap() %}inner{% endcall %}")
case("filter block", "{% filter upper %}hello {{ 'x' }}{% endfilter %}")
# operators
case("arithmetic", "{{ 1 + 2 }} {{ 7 - 10 }} {{ 3 * 4 }} {{ 7 / 2 }} {{ 6 / 3 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 2 ** 10 }} {{ 2 ** -1 }} {{ 2 ** 3 ** 2 }}")
case("float arithmetic", "{{ 1.5 + 1 }} {{ 10 / 4 }} {{ 7.5 // 2 }} {{ 7.5 % 2 }} {{ -1.5 * 2 }}")
case("string concat and repeat", "{{ 'a' + 'b' }} {{ 'ab' * 3 }} {{ 'x' ~ 1 ~ none ~ true }} {{ [1] + [2] }}")
case("tilde with undefined", "[{{ 'a' ~ nothing ~ 'b' }}]")
case("precedence", "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ -2 ** 2 }} {{ not true or true }} {{ 1 ~ 2 + 3 }}")
case("comparisons", "{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 'a' < 'b' }} {{ 1 == 1.0 }} {{ 1 != 2 }} {{ 1 < 2 < 3 }} {{ [1, 2] < [1, 3] }}")
case("and or values", "{{ 0 or 'x' }} {{ 'a' and 'b' }} {{ '' and 'b' }} {{ none or [] }}")
case("in operator", "{{ 'a' in 'cat' }} {{ 2 in [1, 2] }} {{ 'k' in {'k': 1} }} {{ 'z' not in 'abc' }} {{ 'x' in nothing }}")
case("conditional expression", "{{ 'y' if true else 'n' }} {{ 'y' if false else 'n' }} [{{ 'y' if false }}]")
case("is tests", "{{ x is defined }} {{ nothing is defined }} {{ nothing is undefined }} {{ none is none }} {{ 'a' is string }} {{ 1 is number }} {{ 1 is integer }} {{ 1.0 is float }} {{ true is boolean }} {{ {} is mapping }} {{ [] is iterable }} {{ [] is sequence }}", x=1)
case("is tests 2", "{{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(2) }} {{ 'a' is equalto 'a' }} {{ 1 is eq 1 }} {{ 'abc' is lower }} {{ 'ABC' is upper }} {{ true is true }} {{ 0 is false }} {{ x is callable }} {{ range is callable }} {{ 1 is in [1] }}", x=1)
case("is not", "{{ 1 is not string }} {{ none is not none }} {{ not x is defined }}", x=1)
case("attribute vs item", "{{ d.a }} {{ d['a'] }} {{ l[0] }} {{ l[-1] }} {{ l.0 }} {{ d.items()|list }}", d={"a": 1, "items": "shadow"}, l=[5, 6])
case("item falls back to method", "{{ d['keys']()|list }}", d={"a": 1})
case("slices", "{{ l[1:] }} {{ l[:2] }} {{ l[::-1] }} {{ l[1:3] }} {{ l[-2:] }} {{ l[::2] }} {{ s[1:-1] }} {{ s[::-1] }}", l=[1, 2, 3, 4], s="héllo")
case("nested data", "{{ m.tool_calls[0].function.name }}({{ m.tool_calls[0].function.arguments.x }})", m={"tool_calls": [{"function": {"name": "f", "arguments": {"x": 1}}}]})
# string methods
case("strip family", "[{{ s.strip() }}][{{ s.lstrip() }}][{{ s.rstrip() }}][{{ 'xxaxx'.strip('x') }}]", s="  \n a b \t ")
case("split", "{{ 'a,b,,c'.split(',') }} {{ '  a  b '.split() }} {{ 'a b c'.split(' ', 1) }} {{ 'x</think>y'.split('</think>')[-1] }}")
case("rsplit", "{{ 'a,b,c'.rsplit(',', 1) }} {{ ' a b  c '.rsplit(None, 1) }} {{ 'a b'.rsplit() }} {{ 'x</think>y</think>z'.rsplit('</think>', 1)[0] }}")
case("more str methods", "{{ '42'.zfill(5) }} {{ '-7'.zfill(4) }} {{ 'ab'.ljust(4, '.') }}| {{ 'ab'.rjust(4) }} {{ 'ab'.center(5, '*') }} {{ 'a=b=c'.partition('=') }} {{ 'a=b=c'.rpartition('=') }} {{ 'abc'.partition('x') }} {{ 'Hello'.swapcase() }} {{ 'ß'.casefold() }}")
case("in substring", "{{ '' in 'abc' }} {{ 'é' in 'café' }} {{ 'bc' in 'abc' }} {{ 'abcd' in 'abc' }}")
case("startswith endswith", "{{ s.startswith('<') }} {{ s.endswith('>') }} {{ s.startswith(('x', '<')) }}", s="<tool>")
case("case methods", "{{ s.upper() }} {{ s.lower() }} {{ s.title() }} {{ s.capitalize() }}", s="hELLo wORLD they're")
case("replace find count", "{{ s.replace('a', 'o') }} {{ s.replace('a', 'o', 1) }} {{ s.find('n') }} {{ s.find('z') }} {{ s.count('a') }}", s="banana")
case("format method", "{{ '{} + {} = {}'.format(1, 2, 3) }} {{ '{name}!'.format(name='x') }} {{ '{0}{0}'.format('ab') }}")
case("percent format", "{{ '%s and %s' % ('a', 1) }} {{ '%d%%' % 50 }} {{ 'v=%r' % 'q' }}")
case("percent format widths", "[{{ '%-5s|%5s|%.2s' % ('ab', 'cd', 'xyz') }}] [{{ '%5d|%-4d|%05d|%+d' % (42, 7, 3, 5) }}] [{{ '%.3f|%8.2f|%e|%g' % (3.14159, 2.5, 12345.678, 0.0001) }}] [{{ '%x|%X|%o|%c' % (255, 255, 8, 65) }}] [{{ '%s' % 'é' }}]")
case("join method", "{{ ', '.join(['a', 'b']) }}")
case("dict methods", "{{ d.keys()|list }} {{ d.values()|list }} {{ d.get('a') }} {{ d.get('z') }} {{ d.get('z', 9) }}", d={"a": 1, "b": 2})
# filters
case("trim length", "[{{ '  x  '|trim }}] {{ 'héllo'|length }} {{ [1, 2]|count }} {{ {'a': 1}|length }} {{ nothing|length }}")
case("upper lower title capitalize", "{{ 'ab'|upper }} {{ 'AB'|lower }} {{ 'hello wORLD-foo (bar)'|title }} {{ 'hELLO'|capitalize }}")
case("default", "{{ nothing|default('d') }} {{ ''|default('d') }} {{ ''|default('d', true) }} {{ none|d('x') }} {{ 0|default(5, boolean=true) }}")
case("join filter", "{{ [1, 2, 3]|join(', ') }} {{ ['a', 'b']|join }} {{ users|join(', ', attribute='name') }}", users=[{"name": "a"}, {"name": "b"}])
case("first last list", "{{ [1, 2, 3]|first }} {{ [1, 2, 3]|last }} {{ 'abc'|list }} {{ 'xyz'|first }} [{{ []|first }}]")
case("string int float", "{{ 12|string }} {{ '42'|int + 1 }} {{ 'x'|int }} {{ 'x'|int(7) }} {{ '3.7'|int }} {{ 3.9|int }} {{ '2.5'|float }} {{ 'y'|float }} {{ 4|float }} {{ '0x1f'|int(0, 16) }}")
case("abs round", "{{ -3|abs }} {{ (-2.5)|abs }} {{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }} {{ 3|round }} {{ 1.26|round(1, 'floor') }} {{ 1.21|round(1, 'ceil') }}")
case("replace filter", "{{ 'aaa'|replace('a', 'b') }} {{ 'aaa'|replace('a', 'b', 2) }}")
case("indent", "[{{ 'a\\nb\\n\\nc'|indent }}][{{ 'a\\nb'|indent(2, true) }}][{{ 'a\\n\\nb'|indent(2, blank=true) }}][{{ 'x\\ny'|indent('> ') }}]")
case("items filter", "{{ {'a': 1, 'b': 2}|items|list }}")
case("map", "{{ users|map(attribute='name')|list }} {{ ['a', 'b']|map('upper')|list }} {{ users|map(attribute='age', default=0)|list }}", users=[{"name": "x", "age": 3}, {"name": "y"}])
case("select reject", "{{ [1, 2, 3, 4]|select('odd')|list }} {{ [1, 2, 3, 4]|reject('odd')|list }} {{ [0, 1, '', 'a']|select|list }} {{ [1, 5, 9]|select('gt', 4)|list }}")
case("selectattr rejectattr", "{{ ms|selectattr('role', 'equalto', 'user')|map(attribute='content')|list }} {{ ms|rejectattr('role', 'eq', 'user')|list|length }} {{ ms|selectattr('flag')|list|length }}", ms=[{"role": "user", "content": "a", "flag": True}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}])
case("unique sort reverse", "{{ ['a', 'B', 'b', 'a']|unique|list }} {{ [3, 1, 2]|sort }} {{ [3, 1, 2]|sort(reverse=true) }} {{ ['b', 'A', 'c']|sort }} {{ ['b', 'A', 'c']|sort(case_sensitive=true) }} {{ [1, 2, 3]|reverse|list }} {{ 'abc'|reverse }}")
case("sort by attribute", "{{ us|sort(attribute='age')|map(attribute='n')|join }}", us=[{"n": "a", "age": 3}, {"n": "b", "age": 1}, {"n": "c", "age": 2}])
case("safe escape", "{{ '<b>'|safe }} {{ '<a href=\"x\">&\\'</a>'|e }} {{ '<i>'|escape }}")
case("tojson basic", "{{ {'a': 1, 'b': [true, none, 1.5, 'é\"\\n']}|tojson }}")
case("tojson options", "{{ d|tojson(indent=2) }}|{{ d|tojson(sort_keys=true) }}|{{ d|tojson(separators=(',', ':')) }}|{{ 'é'|tojson(ensure_ascii=true) }}|{{ [] |tojson(indent=2) }}", d={"z": 1, "a": {"n": [1, 2], "e": {}}})
case("tojson of tool", "{{ tool|tojson }}", tool={"type": "function", "function": {"name": "get_weather", "description": "Get the weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}})
case("wordcount batch sum", "{{ 'a b, c'|wordcount }} {{ [1, 2, 3, 4, 5]|batch(2)|list }} {{ [1, 2, 3]|sum }} {{ [1, 5, 2]|max }} {{ [4, 2, 8]|min }}")
case("dictsort", "{{ {'b': 1, 'a': 2}|dictsort }} {{ {'b': 1, 'a': 2}|dictsort(by='value') }}")
case("filter chain", "{{ '  Hello World  '|trim|lower|replace('world', 'there')|upper }}")
case("filter on negative", "{{ -3|abs }} {{ -(3|abs) }}")
case("center format", "[{{ 'ab'|center(6) }}] {{ '%s-%s'|format('a', 'b') }}")
# globals
case("range", "{{ range(3)|list }} {{ range(1, 4)|list }} {{ range(10, 0, -3)|list }}")
case("dict global", "{{ dict(a=1, b='x') }} {{ dict([('k', 'v')]) }}")
case("raise_exception", "{% if true %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}")
case("strftime_now", "{{ strftime_now('%d %b %Y') }} {{ strftime_now('%Y-%m-%d') }}")
case("generation block", "a{% generation %}B{{ x }}{% endgeneration %}c", x="é")
# more edge cases
case("undefined inside list repr", "{{ [nothing, 1] }}")
case("namespace repr", "{% set ns = namespace(a=1, b='x') %}{{ ns }}")
case("recursive macro", "{% macro walk(x) %}{% if x is mapping %}{% for k, v in x.items() %}{{ k }}:({{ walk(v) }}){% endfor %}{% else %}{{ x }}{% endif %}{% endmacro %}{{ walk(d) }}", d={"a": {"b": 1, "c": {"d": 2}}, "e": 3})
case("macro sees later set", "{% set x = 1 %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 2 %}{{ m() }}")
case("loop changed", "{% for x in [1, 1, 2, 2, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}")
case("unicode case", "{{ 'straße'|upper }} {{ 'ÉCOLE'|lower }} {{ 'élan vital'|title }} {{ 'ǆemal'|capitalize }}")
case("tojson unicode controls", "{{ s|tojson }} {{ s|tojson(ensure_ascii=true) }}", s="é🤖\u0001\x7f\u2028 \\ /")
case("float formatting", "{{ 1e100 }} {{ -0.0 }} {{ 1 / 3 }} {{ 2 ** 0.5 }} {{ 100.0 }} {{ 1e22 }} {{ 123456789012345678.0 }} {{ 0.0001 }} {{ 0.00001234 }} {{ 5e-324 }} {{ 1.7976931348623157e308 }}")
case("index out of range", "[{{ 'abc'[5] }}][{{ [1][5] }}][{{ d[0] }}][{{ [1, 2][-1] }}]", d={"a": 1})
case("tuple ops", "{{ (1, 2) + (3,) }} {{ (1, 2)[1] }} {{ {'a': 1}.a }} {{ (1, 2)|list }}")
case("dict literal duplicate keys", "{{ {'a': 1, 'b': 2, 'a': 3} }}")
case("not messages", "{% if not messages %}empty{% endif %}{% if messages %}full{% endif %}", messages=[])
case("raw with whitespace control", "a  {%- raw -%}  x  {%- endraw -%}  b")
case("lstrip raw", "a\n  {% raw %}x{% endraw %}\n  {# c #}\ny")
case("block end then spaces", "{% if true %}   \nz{% endif %}")
case("variable minus newline", "{{ 'a' -}}\n\n  b")
case("set with whitespace control", "a\n  {%- set x = 1 -%}\n  b{{ x }}")
case("strings with braces", "{{ '}}' }}{{ '{%' }}{{ {'a': '}}'}['a'] }}")
case("filter test inside if", "{% if messages|selectattr('role', 'equalto', 'system')|list|length > 0 %}sys{% else %}nosys{% endif %}", messages=[{"role": "user"}])
case("conditional content", "{% for m in ms %}{{ m.content if m.content is string else m.content|map(attribute='text')|join(' ') }};{% endfor %}", ms=[{"content": "a"}, {"content": [{"text": "b"}, {"text": "c"}]}])
case("is sameas", "{{ false is sameas false }} {{ 0 is sameas false }} {{ none is sameas none }}")
case("equality across types", "{{ 1 == true }} {{ 0 == false }} {{ '1' == 1 }} {{ [1] == [1.0] }} {{ {'a': 1} == {'a': 1} }} {{ none == false }}")
case("in with dict and list of dicts", "{{ {'role': 'user'} in [{'role': 'user'}] }} {{ 'role' in {'role': 1} }} {{ 1 in (1, 2) }}")
case("chained filters and tests", "{{ (x|default('')|trim) is string }} {{ x|default('z')|upper }}")
case("negative step slice", "{{ [1, 2, 3, 4, 5][4:1:-2] }} {{ 'abcdef'[-2::-2] }} {{ [1, 2, 3][10:] }}")
case("string method on content", "{{ c.split('</think>')[-1].lstrip('\\n') }}|{{ c.split('<think>')[-1].split('</think>')[0].strip() }}", c="<think>\nreason\n</think>\n\nanswer")
case("loop length with filter and else", "{% for m in ms if m > 5 %}{{ m }}{% else %}none>5{% endfor %}|{% for m in ms if m > 1 %}{{ loop.length }}{% endfor %}", ms=[1, 2, 3])
case("whitespace heavy template", """{%- for m in messages -%}
    {%- if m.role == 'system' -%}
        <<{{ m.content }}>>
    {%- elif m.role == 'user' %}
        [U] {{ m.content }}
    {% else -%}
        [A] {{ m.content }}
    {%+ endif -%}
{% endfor %}
{%- if add_generation_prompt %}
    [A]
{%- endif %}""", messages=[{"role": "system", "content": "s"}, {"role": "user", "content": "u"}, {"role": "assistant", "content": "a"}], add_generation_prompt=True)
case("macro too many arguments", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}")
case("macro unknown keyword", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, b=2) }}")
case("macro caller not used", "{% macro m() %}x{% endmacro %}{% call m() %}y{% endcall %}")
# one-liners probing undefined handling, numeric corners, filters, methods and errors
EDGE_T = [
 "{% break %}", "a{% for x in [1] %}{% endfor %}{{ loop.index }}", "{% set ns = 1 %}{% set ns.x = 2 %}",
 "{{ x.y.z }}", "{{ none.x }}", "{{ none['x'] }}", "{{ 1.x }}", "{{ 'abc'.x }}", "{{ [1].x }}",
 "{{ {'a': 1}['b'] }}", "{{ {'a': 1}.b is defined }}", "{{ 'a' ~ {'k': none} }}", "{{ -'a' }}", "{{ not nothing }}",
 "{{ nothing is none }}", "{{ nothing|default }}", "{{ nothing|upper }}", "{{ nothing|trim }}", "{{ nothing|join(',') }}",
 "{{ nothing|first }}", "{{ nothing|list }}", "{{ nothing|int }}", "{{ nothing|string }}", "{{ nothing|tojson }}",
 "{{ nothing|abs }}", "{{ nothing < 1 }}", "{{ nothing == none }}", "{{ nothing ~ 1 }}", "{{ nothing * 2 }}",
 "{{ [1, 2] * 2 }}", "{{ 3 * 'ab' }}", "{{ 'ab' * 0 }}", "{{ 1 + true }}", "{{ true + true }}", "{{ 1.0 // 0.3 }}",
 "{{ 10 % 3.5 }}", "{{ 2 ** 62 }}", "{{ 7 / 7 }}", "{{ 0.1 * 3 }}", "{{ 1e300 * 1e10 }}", "{{ -1e300 * 1e10 }}",
 "{{ (1e300 * 1e10) * 0 }}", "{{ [] == [] }}", "{{ {} is mapping }}", "{{ () is sequence }}", "{{ 'x' is iterable }}",
 "{{ 5 is number }}", "{{ true is number }}", "{{ none is string }}", "{{ 1 in [true] }}", "{{ 'a' in ['a', 'b']|map('upper') }}",
 "{{ [1,2,3]|map('string')|join }}", "{{ ['1','2']|map('int')|sum }}", "{{ {'b':1,'a':2}|list }}", "{{ {'b':1,'a':2}|sort }}",
 "{{ 'hello'|batch(2)|list }}", "{{ [1, none, 2]|select|list }}", "{{ range(3)|reverse|list }}", "{{ 'a-b c'|title }}", "{{ \"it's\"|title }}", "{{ 'x'|indent(2, true, true) }}",
 "{{ ''|indent(2, true) }}", "{{ 'a\\n'|indent(2) }}", "{{ 'abc'|center(2) }}", "{{ 12345.678|round(-2) }}",
 "{{ 3.14159|round(2, 'floor') }}", "{{ -2.5|round }}", "{{ 0.5|round }}", "{{ 1.5|round }}", "{{ '3'|float + 1 }}",
 "{{ 'nan'|float }}", "{{ ' 12 '|int }}", "{{ '1_000'|int }}", "{{ '+5'|int }}", "{{ '1e3'|int }}", "{{ true|int }}",
 "{{ [3,1]|sort|first }}", "{{ ['b','a']|sort(reverse=true)|join }}", "{{ [{'a':2},{'a':1}]|sort(attribute='a')|map(attribute='a')|list }}",
 "{{ {'a': [1, {'b': 'é'}]}|tojson(indent='\\t') }}", "{{ 1.0|tojson }}", "{{ 1e20|tojson }}", "{{ (1, 2)|tojson }}",
 "{{ {1: 'a', none: 'b', true: 'c'}|tojson }}", "{{ 'x'|tojson(indent=2) }}", "{{ [[]]|tojson(indent=2) }}",
 "{{ [1,[2,[3]]]|tojson(indent=0) }}", "{{ 'a\\u0000b'|tojson }}", "{{ dict(a=1)|tojson(sort_keys=true, indent=1) }}",
 "{% for a, b in {'x': 1}.items() %}{{ a }}{{ b }}{% endfor %}", "{% for a in {'x': 1}.values() %}{{ a }}{% endfor %}",
 "{% for a, b in [(1,2,3)] %}{% endfor %}", "{% for a, b, c in [(1,2)] %}{% endfor %}", "{% set a, b = [1] %}",
 "{{ 'a{}b'.format(none) }}", "{{ '%s|%s' % (1, none) }}", "{{ '%d' % 3.7 }}", "{{ '%s' % [1, 2] }}", "{{ '%x' % 255 }}",
 "{{ 'abc'[1] }}", "{{ 'abc'[-4] }}", "{{ [1,2,3][1:2][0] }}", "{{ 'abcdef'[1:5:2] }}", "{{ [1,2,3][::0] }}",
 "{{ [1,2,3]['a'] }}", "{{ [1,2,3][1.0] }}", "{{ {'a': 1}[none] }}", "{{ {none: 1}[none] }}", "{{ {1: 'x'}[1.0] }}",
 "{{ {true: 'x'}[1] }}", "{% if 0.0 %}t{% else %}f{% endif %}", "{% if [0] %}t{% endif %}", "{% if ' ' %}t{% endif %}",
 "{{ x if x is defined else 'no' }}", "{{ (x or 'dflt') }}", "{{ 'a' if 'a' in 'abc' }}", "{{ 1 if 0 else 2 if 0 else 3 }}",
 "{% macro m() %}{{ varargs|length }}{% endmacro %}{{ m(1, 2) }}", "{% macro m(a=1, b=a) %}{{ b }}{% endmacro %}{{ m() }}",
 "{% macro m() %}{{ caller() }}{% endmacro %}{{ m() }}", "{{ m }}{% macro m() %}x{% endmacro %}",
 "{% set x %}{% for i in [1,2] %}{{ i }}{% endfor %}{% endset %}{{ x|length }}", "{% filter replace('a', 'b') %}aaa{% endfilter %}",
 "{% with %}{% set y = 1 %}{{ y }}{% endwith %}{{ y }}", "{{ loop }}", "{% for i in [1,2] %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}",
 "{{ range(100001)|length }}", "{{ range(0)|list }}", "{{ range(5, 1)|list }}",
 "{{ namespace(a=1).a }}", "{% set ns = namespace(items=[]) %}{{ ns.items }}", "{{ dict(x=1).items()|list }}",
 "{{ strftime_now('%A %j') }}", "{{ raise_exception() }}", "{{ raise_exception(1) }}", "{{ 'a'.startswith() }}",
 "{{ 'a b'.split(none, 0) }}", "{{ 'a  b'.split(' ') }}", "{{ ''.split() }}", "{{ ''.split(',') }}", "{{ 'x'.strip(none) }}",
 "{{ 'Hello World'.lower().title().split() }}", "{{ 'ab'.endswith(('x', 'b')) }}", "{{ 'ab'.replace('', '-') }}",
 "{{ 'ab'.replace('', '-', 2) }}", "{{ 'aaa'.replace('a', 'b', 0) }}", "{{ 'a\\r\\nb\\nc'.splitlines() }}",
 "{{ ','.join([1, 2]) }}", "{{ 'abc'.index('z') }}", "{{ 'AbC'.isupper() }}", "{{ '12'.isdigit() }}", "{{ 'Ab'.istitle() }}",
]
for i, t in enumerate(EDGE_T):
    case(f"edge {i}: {t}", t)
# which blocks open a scope (set/filter/generation/macro/with do, if does not)
SCOPE_T = [
 "{% generation %}{% set x = 1 %}{{ x }}{% endgeneration %}[{{ x }}]",
 "{% filter upper %}{% set x = 'a' %}{{ x }}{% endfilter %}[{{ x }}]",
 "{% set y %}{% set x = 2 %}{{ x }}{% endset %}[{{ x }}][{{ y }}]",
 "{% macro m() %}{% set x = 3 %}{% endmacro %}{{ m() }}[{{ x }}]",
 "{% with %}{% set x = 4 %}{% endwith %}[{{ x }}]",
 "{% if true %}{% set x = 5 %}{% endif %}[{{ x }}]",
 "{% set x = 1 %}{% generation %}{% set x = x + 1 %}{{ x }}{% endgeneration %}[{{ x }}]",
 "{% for i in [1] %}{% generation %}{{ loop.index }}{% endgeneration %}{% endfor %}",
 "{% for i in [1, 2] %}{% generation %}{% if i == 1 %}{% continue %}{% endif %}{{ i }}{% endgeneration %}{% endfor %}",
 "{% set ns = namespace(a=0) %}{% generation %}{% set ns.a = 5 %}{% endgeneration %}{{ ns.a }}",
 "{% macro m() %}{% generation %}g{% endgeneration %}{% endmacro %}a{{ m() }}b",
 "{% for x in [1,2] %}{% set y = x %}{% endfor %}[{{ y }}]",
 "{% set x = 1 %}{% for i in [1] %}{% set x = 2 %}{% for j in [1] %}{{ x }}{% endfor %}{% endfor %}{{ x }}",
 "{% set x = 1 %}{% macro m() %}{{ x }}{% set x = 2 %}{{ x }}{% endmacro %}{{ m() }}{{ x }}",
 "{% for i in [1,2] %}{% if loop.first %}{% set z = 'f' %}{% endif %}{{ z }}{% endfor %}",
]
for i, t in enumerate(SCOPE_T):
    case(f"scope {i}: {t}", t)
SCOPE2_V = {"messages": [{"role": "system", "content": "S"}, {"role": "user", "content": "U"}, {"role": "assistant", "content": "A"}]}
SCOPE2_T = [
 "{% set ns = namespace(x=[]) %}{% for m in messages %}{% set ns.x = ns.x + [m.role] %}{% endfor %}{{ ns.x }}",
 "{% for m in messages %}{% set content = m.content %}{% if loop.last %}{{ content }}{% endif %}{% endfor %}[{{ content }}]",
 "{%- set x = 1 -%}{%- for i in range(3) -%}{%- set x = x + i -%}{{ x }}{%- endfor -%}",
 "{% for i in [] %}{% else %}{% set e = 1 %}{{ e }}{% endfor %}[{{ e }}]",
 "{% if x is not defined %}{% set x = 'd' %}{% endif %}{{ x }}",
 "{% set i = 'outer' %}{% for i in [1] %}{{ i }}{% endfor %}{{ i }}",
 "{% for i in [1,2] %}{% set i = i * 10 %}{{ i }}{% endfor %}",
 "{% set g = 5 %}{% macro m(a=g) %}{{ a }}{% endmacro %}{{ m() }}",
 "{% macro add(ns) %}{% set ns.n = ns.n + 1 %}{% endmacro %}{% set ns = namespace(n=0) %}{{ add(ns) }}{{ add(ns) }}{{ ns.n }}",
 "{% for m in messages %}{{ loop.previtem.role if loop.previtem is defined else 'none' }},{% endfor %}",
 "{% for m in messages %}{{ messages[loop.index0 - 1].role }},{% endfor %}",
 "{% for m in messages %}{% for n in messages %}{% if loop.first %}{{ loop.index }}{% endif %}{% endfor %}{{ loop.index }}{% endfor %}",
 "{% set messages = messages[1:] %}{{ messages|length }}",
 "{% for m in messages %}{% if m.role == 'system' %}{% set sys = m.content %}{% endif %}{% endfor %}[{{ sys }}]",
 "{% set sys = messages[0].content if messages[0].role == 'system' else '' %}{{ sys }}",
 "{% for m in messages if m.role != 'system' %}{{ loop.index }}{{ m.role }}{% endfor %}",
 "{% set x = [] %}{% for m in messages %}{% set x = x + [1] %}{% endfor %}{{ x }}",
 "{{ messages|map(attribute='role')|join(',') }} {{ messages|selectattr('role', 'in', ['user', 'system'])|list|length }}",
 "{% for m in messages %}{% if loop.index0 == 0 %}{% set first = true %}{% endif %}{{ first }}{% endfor %}",
 "{% macro m(x) %}{% for i in x %}{{ i }}{% if not loop.last %},{% endif %}{% endfor %}{% endmacro %}{{ m([1,2,3]) }}",
 "{% for a in [1] %}{% macro inner() %}{{ a }}{% endmacro %}{{ inner() }}{% endfor %}",
 "{{ messages[-1].role == 'assistant' and 'yes' or 'no' }}",
 "{% for message in messages %}{% set role = 'model' if message['role'] == 'assistant' else message['role'] %}{{ role }}{% endfor %}",
]
for i, t in enumerate(SCOPE2_T):
    case(f"chat scope {i}: {t}", t, **SCOPE2_V)
# malformed or unusual syntax: jinja2 either fails (compared by line/message) or renders
SYNTAX_T = ["{{", "{%", "{#", "{", "}", "}}", "%}", "#}", "{{ 'abc", "{% raw %}abc", "{% raw %}{% endraw", "{{ x }", "{{ x %}", "{% if %}", "{% if x %}{% else %}{% else %}{% endif %}",
     "{% endif %}", "{% for %}", "{% for x %}", "{% for x in %}", "{% set %}", "{% set x %}", "{% set 1 = 2 %}", "{% macro %}", "{% macro m( %}", "{{ x | }}", "{{ x is }}",
     "{{ [1, 2 }}", "{{ {1: } }}", "{{ (1 }}", "{{ x.1.2 }}", "{{ 1 if }}", "{{ f(a=1, 2) }}", "{{ f(**a, b) }}", "{{ f(*a, *b) }}", "{{ 'a' 'b' }}", "{{ x[] }}",
     "{{ x[:] }}", "{{ x[::] }}", "{{ not }}", "{{ - }}", "{{ 1 2 }}", "{%- -%}", "{% - %}", "{{ 0x }}", "{{ 1e }}", "{{ 1_ }}", "{{ 1__0 }}", "{{ 00 }}", "{{ 007 }}",
     "{{ .5 }}", "{{ 5. }}", "{{ 1.5.2 }}", "{{ 'a\\\\' }}", "{{ \"\\x4 \" }}", "{{ '\\N{BULLET}' }}", "{{ 'é' | length }}", "\t{% if true %}x{% endif %}", "{# {{ x }} #}y",
     "{{ x }}}", "{{{ x }}", "{{ {'a': {'b': 1}} }}", "{{ {'a': {'b': 1}}}}", "{%+ if true -%} x {%- endif +%}", "{% if true %}{% break %}{% endif %}",
     "{% filter %}x{% endfilter %}", "{% filter nosuch %}x{% endfilter %}", "{% set x | nosuch %}a{% endset %}", "{% with x %}{% endwith %}", "{% call m %}{% endcall %}",
     "{% generation %}{% endgeneration %}", "{% endgeneration %}", "{% include 'x' %}", "{% extends 'x' %}", "{% block b %}{% endblock %}", "{% import 'x' as y %}"]
for i, t in enumerate(SYNTAX_T):
    case(f"syntax {i}: {t}", t, x=1)
# runtime errors
case("attribute of undefined", "{{ nothing.attr }}")
case("call undefined", "{{ nothing() }}")
case("add undefined", "{{ nothing + 1 }}")
case("mutating method refused", "{% set l = [] %}{{ l.append(1) }}")
case("compare mismatched types", "{{ 1 < 'a' }}")
case("int plus string", "{{ 1 + 'a' }}")
case("tojson undefined", "{{ nothing|tojson }}")
case("namespace underscore", "{% set ns = namespace() %}{% set ns._x = 1 %}")
# syntax errors
case("missing endfor", "{% for x in y %}\n{{ x }}\n")
case("missing endif", "line1\n{% if x %}\nline3")
case("unknown tag", "{% for x in y %}\n{% endif %}\n{% endfor %}")
case("unexpected end of print", "{{ x y }}")
case("unclosed variable", "a\n{{ x")
case("unknown filter", "line1\n{{ x|nofilter }}")
case("unknown test", "{{ x is notatest }}")
case("for target named in", "{% for in content %}{% endfor %}")
case("unknown filter in untaken if", "{% if x %}{{ 1|nofilter }}{% endif %}ok", x=0)
case("unknown filter in taken if", "{% if x %}{{ 1|nofilter }}{% endif %}ok", x=1)
case("unknown test in if condition", "{% if x is nosuchtest %}a{% endif %}", x=1)
case("unknown filter in loop inside if", "{% if x %}{% for i in [1] %}{{ i|nofilter }}{% endfor %}{% endif %}", x=0)
case("unknown filter in inline if", "{{ 1|nofilter if x else 2 }}", x=0)
case("filter guard", "{% if 'tojson' is filter %}{{ [1]|tojson }}{% endif %}{% if 'nofilter' is filter %}{{ 1|nofilter }}{% endif %}")
case("bad bracket", "{{ (1, 2] }}")
case("unclosed comment", "a {# b")
case("not an expression", "{{ }}")



# ---------------------------------------------------------------- random whitespace-control templates
# Whitespace control is where Jinja implementations disagree, so a seeded generator
# nests if/for/set/raw/macro/comment tags with random `-`/`+` markers around
# whitespace-heavy text (including \r\n, NBSP, U+2028, \x1c).
RNG = random.Random(20241125)
TEXTS = ["a", " ", "\n", "  ", "\t", "x\n  ", "\n\n", " y ", "\n  \t", "z\n", "  \n  ", "\u00a0", "\u2028", "\x0b", "\x1c", "\r\n", "\r", " \r\n ", "\u3000"]
def ws(): return RNG.choice(["", "", "-", "+"])
def wsv(): return RNG.choice(["", "", "-"])
def tag(body): return "{%" + ws() + " " + body + " " + ws() + "%}"
EXPRS = ["x", "n", "s", "l", "d.k", "x ~ n", "l|length", "s|trim", "n * 2", "l[1:]", "s.upper()", "d.missing", "n / 4",
         "l|join('-')", "x if n > 1 else s", "'q' ~ (n // 3)", "l|map('upper')|list" , "d|tojson", "s.split()", "(n, s)",
         "n is even", "not l", "{'a': n, 'b': [s, none]}", "(l + [n])|reverse|list", "1 < n <= 3", "s|title", "s|center(9)",
         "l|batch(2)|list", "l|first ~ l|last", "d.j|sum", "n|float", "3.0 * n", "(n / 7)|round(3)", "'é\\n' ~ s", "[1,2,3][n-3:]",
         "s.strip().split(' ')", "d.get('k', 0) + 1", "l.index('q')", "s|replace(' ', '_')", "x|lower is lower", "n|string|length",
         "{'z': 1, 'a': 2}|dictsort", "l|select('equalto', 'q')|list", "[3, 1, 2]|max", "l|unique|list", "s|wordcount", "true and none",
         "-n ** 2", "n % -2", "-7 // n", "x * 0", "(1, 2) == (1, 2)", "none is none", "loop is defined", "[n, x]|sort", "s[::-1]", "'%s!' % s", "d.items()|list", "range(n)|list", "n ** 2 - 1.5"]
COND = ["n > 1", "x", "not x", "l", "s == ' a b '", "n is odd", "d.k is defined", "d.missing is defined", "'a' in s"]
def item(depth):
    k = RNG.random()
    if k < 0.35: return RNG.choice(TEXTS)
    if k < 0.55: return "{{" + wsv() + " " + RNG.choice(EXPRS) + " " + wsv() + "}}"
    if k < 0.62: return "{#" + ws() + " c " + ws() + "#}"
    if k < 0.67: return tag("set v = " + RNG.choice(EXPRS)) + "{{ v }}"
    if depth > 2: return RNG.choice(TEXTS)
    if k < 0.80:
        s = tag("if " + RNG.choice(COND)) + block(depth + 1)
        if RNG.random() < 0.4: s += tag("elif " + RNG.choice(COND)) + block(depth + 1)
        if RNG.random() < 0.4: s += tag("else") + block(depth + 1)
        return s + tag("endif")
    if k < 0.93:
        s = tag("for i in " + RNG.choice(["l", "range(n)", "s.split()", "[]", "d"])) + block(depth + 1) + "{{ loop.index }}"
        if RNG.random() < 0.3: s += tag("else") + block(depth + 1)
        return s + tag("endfor")
    if k < 0.95:
        kind = RNG.choice(["generation", "filter upper", "set blk"])
        end = {"generation": "endgeneration", "filter upper": "endfilter", "set blk": "endset"}[kind]
        return tag(kind) + tag("set v = " + RNG.choice(EXPRS)) + block(depth + 1) + "{{ v }}" + tag(end) + "{{ v }}" + ("{{ blk }}" if kind == "set blk" else "")
    if k < 0.97:
        return tag("raw") + RNG.choice(TEXTS) + "{{ raw }}" + RNG.choice(TEXTS) + tag("endraw")
    return tag("macro m(a, b=2)") + block(depth + 1) + "{{ a }}" + tag("endmacro") + "{{ m(n) }}"
def block(depth):
    return "".join(item(depth) for _ in range(RNG.randint(1, 5)))
FUZZ_VARIABLES = {"x": "X", "n": 3, "s": " a b ", "l": ["p", "q", "r"], "d": {"k": 1, "j": [1, 2]}}


def fuzz_cases(count):
    return [{"name": f"random {i}", "template": block(0)} for i in range(count)]

# ---------------------------------------------------------------- chat templates
def trl_template(name):
    return (TRL_TEMPLATES / f"{name}.jinja").read_text()


CHATML = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}"
          "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}")
ZEPHYR = ("{% for message in messages %}\n{% if message['role'] == 'user' %}\n{{ '<|user|>\n' + message['content'] + eos_token }}\n"
          "{% elif message['role'] == 'system' %}\n{{ '<|system|>\n' + message['content'] + eos_token }}\n"
          "{% elif message['role'] == 'assistant' %}\n{{ '<|assistant|>\n'  + message['content'] + eos_token }}\n{% endif %}\n"
          "{% if loop.last and add_generation_prompt %}\n{{ '<|assistant|>' }}\n{% endif %}\n{% endfor %}")
MISTRAL = ("{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
           "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
           "{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}"
           "{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}"
           "{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}")
LLAMA2 = ("{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}"
          "{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}{% for message in loop_messages %}"
          "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
          "{% if loop.index0 == 0 and system_message != false %}{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
          "{% else %}{% set content = message['content'] %}{% endif %}{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}"
          "{% elif message['role'] == 'assistant' %}{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}")
SMOLLM2 = ("{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}{% endif %}"
           "{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
           "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}")
CHATML_GENERATION = ("{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' }}"
                     "{% if message['role'] == 'assistant' %}{% generation %}{{ message['content'] + '<|im_end|>' }}{% endgeneration %}"
                     "{% else %}{{ message['content'] + '<|im_end|>' }}{% endif %}{{ '\n' }}{% endfor %}"
                     "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}")

# Written after NousResearch Hermes-2-Pro's tool-use template: recursive macros over JSON schemas.
HERMES_TOOLS = """{%- macro json_to_python_type(json_spec) %}
{%- set basic_type_map = {
    "string": "str",
    "number": "float",
    "integer": "int",
    "boolean": "bool"
} %}

{%- if basic_type_map[json_spec.type] is defined %}
    {{- basic_type_map[json_spec.type] }}
{%- elif json_spec.type == "array" %}
    {{- "list[" +  json_to_python_type(json_spec|items) + "]"}}
{%- elif json_spec.type == "object" %}
    {%- if json_spec.additionalProperties is defined %}
        {{- "dict[str, " + json_to_python_type(json_spec.additionalProperties) + ']'}}
    {%- else %}
        {{- "dict" }}
    {%- endif %}
{%- elif json_spec.type is iterable %}
    {{- "Union[" }}
    {%- for t in json_spec.type %}
      {{- json_to_python_type({"type": t}) }}
      {%- if not loop.last %}
        {{- "," }}
    {%- endif %}
    {%- endfor %}
    {{- "]" }}
{%- else %}
    {{- "Any" }}
{%- endif %}
{%- endmacro %}


{{- bos_token }}
{%- if tools %}
{{- '<|im_start|>system\nYou are a function calling AI model. Here are the available tools: <tools> ' }}
{%- for tool in tools %}
    {%- if tool.function is defined %}
        {%- set tool = tool.function %}
    {%- endif %}
    {{- '{"type": "function", "function": ' }}
    {{- '{"name": "' + tool.name + '", ' }}
    {{- '"description": "' + tool.name + '(' }}
    {%- for param_name, param_fields in tool.parameters.properties|items %}
        {{- param_name + ": " + json_to_python_type(param_fields) }}
        {%- if not loop.last %}
            {{- ", " }}
        {%- endif %}
    {%- endfor %}
    {{- ")" }}
    {%- if tool.return is defined %}
        {{- " -> " + json_to_python_type(tool.return) }}
    {%- endif %}
    {{- " - " + tool.description + "\n\n" }}
    {%- for param_name, param_fields in tool.parameters.properties|items %}
        {%- if loop.first %}
            {{- "    Args:\n" }}
        {%- endif %}
        {{- "        " + param_name + "(" + json_to_python_type(param_fields) + "): " + param_fields.description|trim }}
    {%- endfor %}
    {{- '", ' }}
    {{- '"parameters": ' }}
    {%- if tool.parameters.properties | length == 0 %}
        {{- "{}" }}
    {%- else %}
        {{- tool.parameters|tojson }}
    {%- endif %}
    {{- "}" }}
    {%- if not loop.last %}
        {{- "\n" }}
    {%- endif %}
{%- endfor %}
{{- " </tools><|im_end|>\n" }}
{%- endif %}
{%- for message in messages %}
    {%- if message.role == "user" or message.role == "system" or (message.role == "assistant" and message.tool_calls is not defined) %}
        {{- '<|im_start|>' + message.role + '\n' + message.content + '<|im_end|>' + '\n' }}
    {%- elif message.role == "assistant" %}
        {{- '<|im_start|>' + message.role }}
    {%- for tool_call in message.tool_calls %}
       {{- '\n<tool_call>\n' }}           {%- if tool_call.function is defined %}
                {%- set tool_call = tool_call.function %}
            {%- endif %}
            {{- '{' }}
            {{- '"name": "' }}
            {{- tool_call.name }}
            {{- '"' }}
            {{- ', '}}
            {%- if tool_call.arguments is defined %}
                {{- '"arguments": ' }}
                {%- if tool_call.arguments is string %}
                    {{- tool_call.arguments }}
                {%- else %}
                    {{- tool_call.arguments|tojson }}
                {%- endif %}
            {%- endif %}
            {{- '}' }}
            {{- '\n</tool_call>' }}
    {%- endfor %}
        {{- '<|im_end|>\n' }}
    {%- elif message.role == "tool" %}
        {%- if loop.previtem and loop.previtem.role != "tool" %}
            {{- '<|im_start|>tool\n' }}
        {%- endif %}
        {{- '<tool_response>\n' }}
        {{- message.content }}
        {%- if not loop.last %}
            {{- '\n</tool_response>\n' }}
        {%- else %}
            {{- '\n</tool_response>' }}
        {%- endif %}
        {%- if not loop.last and loop.nextitem.role != "tool" %}
            {{- '<|im_end|>' }}
        {%- elif loop.last %}
            {{- '<|im_end|>' }}
        {%- endif %}
    {%- endif %}
{%- endfor %}
{%- if add_generation_prompt %}
    {{- '<|im_start|>assistant\n' }}
{%- endif %}
"""
# Written after Mistral-7B-Instruct-v0.3's tool template: filter chains over messages, raise on bad ids.
MISTRAL_TOOLS = """{%- if messages[0]["role"] == "system" %}
    {%- set system_message = messages[0]["content"] %}
    {%- set loop_messages = messages[1:] %}
{%- else %}
    {%- set loop_messages = messages %}
{%- endif %}
{%- if not tools is defined %}
    {%- set tools = none %}
{%- endif %}
{%- set user_messages = loop_messages | selectattr("role", "equalto", "user") | list %}

{#- This block checks for alternating user/assistant messages, skipping tool calling messages #}
{%- set ns = namespace() %}
{%- set ns.index = 0 %}
{%- for message in loop_messages %}
    {%- if not (message.role == "tool" or message.role == "tool_results" or (message.tool_calls is defined and message.tool_calls is not none)) %}
        {%- if (message["role"] == "user") != (ns.index % 2 == 0) %}
            {{- raise_exception("After the optional system message, conversation roles must alternate user/assistant/user/assistant/...") }}
        {%- endif %}
        {%- set ns.index = ns.index + 1 %}
    {%- endif %}
{%- endfor %}

{{- bos_token }}
{%- for message in loop_messages %}
    {%- if message["role"] == "user" %}
        {%- if tools is not none and (message == user_messages[-1]) %}
            {{- "[AVAILABLE_TOOLS] [" }}
            {%- for tool in tools %}
                {%- set tool = tool.function %}
                {{- '{"type": "function", "function": {' }}
                {%- for key, val in tool.items() if key != "return" %}
                    {%- if val is string %}
                        {{- '"' + key + '": "' + val + '"' }}
                    {%- else %}
                        {{- '"' + key + '": ' + val|tojson }}
                    {%- endif %}
                    {%- if not loop.last %}
                        {{- ", " }}
                    {%- endif %}
                {%- endfor %}
                {{- "}}" }}
                {%- if not loop.last %}
                    {{- ", " }}
                {%- else %}
                    {{- "]" }}
                {%- endif %}
            {%- endfor %}
            {{- "[/AVAILABLE_TOOLS]" }}
            {%- endif %}
        {%- if loop.last and system_message is defined %}
            {{- "[INST] " + system_message + "\n\n" + message["content"] + "[/INST]" }}
        {%- else %}
            {{- "[INST] " + message["content"] + "[/INST]" }}
        {%- endif %}
    {%- elif message.tool_calls is defined and message.tool_calls is not none %}
        {{- "[TOOL_CALLS] [" }}
        {%- for tool_call in message.tool_calls %}
            {%- set out = tool_call.function|tojson %}
            {{- out[:-1] }}
            {%- if not tool_call.id is defined or tool_call.id|length != 9 %}
                {{- raise_exception("Tool call IDs should be alphanumeric strings with length 9!") }}
            {%- endif %}
            {{- ', "id": "' + tool_call.id + '"}' }}
            {%- if not loop.last %}
                {{- ", " }}
            {%- else %}
                {{- "]" + eos_token }}
            {%- endif %}
        {%- endfor %}
    {%- elif message["role"] == "assistant" %}
        {{- " " + message["content"]|trim + eos_token}}
    {%- elif message["role"] == "tool_results" or message["role"] == "tool" %}
        {%- if message.content is defined and message.content.content is defined %}
            {%- set content = message.content.content %}
        {%- else %}
            {%- set content = message.content %}
        {%- endif %}
        {{- '[TOOL_RESULTS] {"content": ' + content|string + ", " }}
        {%- if not message.tool_call_id is defined or message.tool_call_id|length != 9 %}
            {{- raise_exception("Tool call IDs should be alphanumeric strings with length 9!") }}
        {%- endif %}
        {{- '"call_id": "' + message.tool_call_id + '"}[/TOOL_RESULTS]' }}
    {%- else %}
        {{- raise_exception("Only user and assistant roles are supported, with the exception of an initial optional system message!") }}
    {%- endif %}
{%- endfor %}
"""

TEMPLATES = [
    ("chatml", CHATML, {"bos_token": "<|im_start|>", "eos_token": "<|im_end|>"}),
    ("zephyr", ZEPHYR, {"bos_token": "<s>", "eos_token": "</s>"}),
    ("mistral", MISTRAL, {"bos_token": "<s>", "eos_token": "</s>"}),
    ("llama2", LLAMA2, {"bos_token": "<s>", "eos_token": "</s>"}),
    ("smollm2", SMOLLM2, {"bos_token": "<|im_start|>", "eos_token": "<|im_end|>"}),
    ("chatml_generation", CHATML_GENERATION, {"eos_token": "<|im_end|>"}),
    ("hermes_tools", HERMES_TOOLS, {"bos_token": "<s>", "eos_token": "<|im_end|>"}),
    ("mistral_tools", MISTRAL_TOOLS, {"bos_token": "<s>", "eos_token": "</s>"}),
]
CURATED = ["llama3", "llama3_1", "qwen2_5", "gemma", "gemma3", "phi3", "phi3_5", "deepseekv3",
           "cohere", "llama3_training", "qwen2_5_training", "qwen3_training", "gemma_training", "phi3_training",
           "smolvlm", "lfm2", "glm4moe", "gptoss", "deepseek_r1_distill", "qwen3_vl", "qwen3_5_think_training"]
# SFTNB_ALL_TEMPLATES=1 renders every template TRL bundles (a local stress test; too big to commit).
ALL = os.environ.get("SFTNB_ALL_TEMPLATES") == "1"
for name in sorted(p.stem for p in TRL_TEMPLATES.glob("*.jinja")) if ALL else CURATED:
    TEMPLATES.append((name, trl_template(name), {"bos_token": "<s>", "eos_token": "</s>"}))

SYS = {"role": "system", "content": "You are a helpful assistant."}
CONVERSATIONS = [
    ("user only", [{"role": "user", "content": "Hello!"}]),
    ("system user", [SYS, {"role": "user", "content": "What is 2+2?"}]),
    ("system user assistant", [SYS, {"role": "user", "content": "What is 2+2?"}, {"role": "assistant", "content": "4"}]),
    ("user assistant", [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello! How can I help?"}]),
    ("multi turn", [{"role": "user", "content": "One"}, {"role": "assistant", "content": "Two"},
                    {"role": "user", "content": "Three"}, {"role": "assistant", "content": "Four"},
                    {"role": "user", "content": "Five"}]),
    ("multi turn with system", [SYS, {"role": "user", "content": "a"}, {"role": "assistant", "content": "b"},
                                {"role": "user", "content": "c"}, {"role": "assistant", "content": "d"}]),
    ("non ascii", [{"role": "user", "content": "Bonjour, ça va? 你好 🤖 — naïve café"},
                   {"role": "assistant", "content": "Très bien! 😊 ありがとう"}]),
    ("empty content", [{"role": "user", "content": ""}, {"role": "assistant", "content": ""}]),
    ("newlines in content", [{"role": "user", "content": "line one\nline two\n\n  indented\n"},
                             {"role": "assistant", "content": "\nanswer\n"}]),
    ("jinja looking text", [{"role": "user", "content": "{{ not a var }} {% if x %} {# c #}"},
                            {"role": "assistant", "content": "{% endif %}}}"}]),
    ("surrounding whitespace", [{"role": "user", "content": "   padded   "}, {"role": "assistant", "content": "\t tabbed \t"}]),
    ("system only", [SYS]),
    ("assistant first", [{"role": "assistant", "content": "I start."}, {"role": "user", "content": "ok"}]),
    ("two users", [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]),
    ("special tokens in content", [{"role": "user", "content": "<|im_start|>user\n<s>[INST]</s><|eot_id|>"},
                                   {"role": "assistant", "content": "<|im_end|>"}]),
    ("long system", [{"role": "system", "content": "Rules:\n1. Be brief.\n2. Be kind.\n"}, {"role": "user", "content": "Go"}]),
    ("quotes and backslashes", [{"role": "user", "content": "He said \"hi\" and 'bye' \\ \\n"},
                                {"role": "assistant", "content": "C:\\path\\to"}]),
    ("reasoning content", [{"role": "user", "content": "Think"},
                           {"role": "assistant", "content": "Answer", "reasoning_content": "Because."}]),
    ("none valued key", [{"role": "user", "content": "Hi", "name": None},
                         {"role": "assistant", "content": "Yo", "tool_calls": None}]),
    ("tool call", [{"role": "user", "content": "Weather in Paris?"},
                   {"role": "assistant", "content": "", "tool_calls": [{"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]},
                   {"role": "tool", "content": "22C", "name": "get_weather"},
                   {"role": "assistant", "content": "It is 22C in Paris."}]),
    ("mistral tool ids", [{"role": "user", "content": "Weather?"},
                          {"role": "assistant", "tool_calls": [{"id": "abcdef123", "type": "function", "function": {"name": "get_weather", "arguments": {"city": "Oslo"}}}]},
                          {"role": "tool", "tool_call_id": "abcdef123", "name": "get_weather", "content": "-3C"},
                          {"role": "assistant", "content": "It is -3C."}]),
    ("numbers in content", [{"role": "user", "content": "3.14"}, {"role": "assistant", "content": "2.718"}]),
    ("content parts", [{"role": "user", "content": [{"type": "text", "text": "Describe"}, {"type": "image"}, {"type": "text", "text": "please"}]},
                       {"role": "assistant", "content": [{"type": "text", "text": "A cat."}]}]),
    ("tool call string arguments", [{"role": "user", "content": "Add 2 and 3"},
                                    {"role": "assistant", "tool_calls": [{"type": "function", "id": "call_1", "function": {"name": "add", "arguments": "{\"a\": 2, \"b\": 3}"}}]},
                                    {"role": "tool", "tool_call_id": "call_1", "content": "5"},
                                    {"role": "assistant", "content": "5"}]),
    ("role with spaces content", [{"role": "user", "content": "ends with newline\n"}, {"role": "assistant", "content": "ok"}]),
]
TOOLS = [{"type": "function", "function": {"name": "get_weather", "description": "Get the current weather in a city.",
                                           "parameters": {"type": "object", "properties": {"city": {"type": "string", "description": "The city."}},
                                                          "required": ["city"]}}}]
TOOL_TEMPLATES = {"hermes_tools", "mistral_tools", "llama3_1", "llama3_2", "qwen2_5", "qwen3", "qwen2_5_training", "qwen3_training", "glm4moe", "lfm2",
                  "gptoss", "qwen3_vl", "qwen3_5_think_training"}


def render_chat(template, conversation, add_generation_prompt, tools, special, spans, continue_final=False):
    try:
        conv = ctu._normalize_chat_messages(conversation)
        rendered, indices = ctu.render_jinja_template(
            conversations=[conv], tools=tools, chat_template=template, add_generation_prompt=add_generation_prompt,
            return_assistant_tokens_mask=spans, continue_final_message=continue_final, **special)
        rec = {"output": rendered[0]}
        if spans:
            rec["generation_spans"] = [list(p) for p in indices[0]]
        return rec
    except Exception as e:  # noqa: BLE001
        return error_record(e)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for c in U:
        c.update(render_plain(c["template"], c["variables"]))
    meta = {"generator": "tools/gen_chat_template_fixtures.py", "transformers": transformers.__version__,
            "jinja2": jinja2.__version__, "trl": trl.__version__, "fixed_now_utc": FIXED_NOW.isoformat()}
    (OUT / "jinja_cases.json").write_text(json.dumps({"meta": meta, "cases": U}, ensure_ascii=False, indent=1))
    fuzz = fuzz_cases(400)
    for c in fuzz:
        c.update(render_plain(c["template"], FUZZ_VARIABLES))
    (OUT / "jinja_random_cases.json").write_text(
        json.dumps({"meta": meta, "variables": FUZZ_VARIABLES, "cases": fuzz}, ensure_ascii=False, indent=0))

    templates = []
    for name, source, special in TEMPLATES:
        renders = []
        spans = "{% generation %}" in source or "{%- generation %}" in source
        for conv_name, conv in CONVERSATIONS:
            for agp in (False, True):
                with_tools = (ALL or name in TOOL_TEMPLATES) and conv_name in ("user only", "system user", "tool call", "mistral tool ids")
                for tools in ([None, TOOLS] if with_tools else [None]):
                    rec = {"conversation": conv_name, "add_generation_prompt": agp, "with_tools": tools is not None}
                    rec.update(render_chat(source, conv, agp, tools, special, spans))
                    renders.append(rec)
        # continue_final_message on conversations that end with an assistant turn
        for conv_name in ("system user assistant", "multi turn with system", "surrounding whitespace", "content parts"):
            conv = dict(CONVERSATIONS)[conv_name]
            rec = {"conversation": conv_name, "add_generation_prompt": False, "with_tools": False, "continue_final_message": True}
            rec.update(render_chat(source, conv, False, None, special, False, continue_final=True))
            renders.append(rec)
        templates.append({"name": name, "source": source, "context": special, "renders": renders})
    conversations = {n: c for n, c in CONVERSATIONS}
    (OUT / "chat_cases.json").write_text(json.dumps({"meta": meta, "conversations": conversations, "tools": TOOLS, "templates": templates},
                                                    ensure_ascii=False, indent=None))
    n = sum(len(t["renders"]) for t in templates)
    errs = sum(1 for t in templates for r in t["renders"] if "error" in r)
    print(f"{len(U)} jinja cases, {len(templates)} templates, {n} chat renders ({errs} raise)")


if __name__ == "__main__":
    sys.exit(main())
