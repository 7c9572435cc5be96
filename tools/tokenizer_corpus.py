"""The texts behind the tokenizer fixtures and the benchmark corpus (shared by
tools/gen_tokenizer_fixtures.py and benchmarks/tokenizer/)."""
import random

BASE_TEXTS = [
    "Hello world",
    " Hello world",
    "Hello, world! How are you doing today?",
    "The quick brown fox jumps over the lazy dog.",
    "I'm sure they'll say it's fine, but we've seen what you'd do.",
    "DON'T SHOUT! I'M LISTENING. It'S OK, we'RE fine.",
    "  leading spaces",
    "trailing spaces   ",
    "multiple   spaces    between     words",
    "tabs\tand\ttabs\t\tdouble",
    "line one\nline two\n\nline four\r\nwindows line\r\n",
    "\n\n\nstarts with newlines",
    "ends with newlines\n\n",
    "mixed \t \n whitespace \u00a0 nbsp \u3000 ideographic",
    "Numbers: 1 12 123 1234 12345 3.14159 -42 1e10 0x1F",
    "Phone 555-0123, zip 90210, year 2024, 1,000,000 dollars",
    "日本語のテキストです。東京は大きな都市です。",
    "こんにちは、世界！今日はいい天気ですね。",
    "中文文本测试：我们今天去公园散步。",
    "机器学习和深度学习是人工智能的重要分支。",
    "한국어 텍스트도 있습니다. 안녕하세요!",
    "Русский текст: Привет, как дела?",
    "Ελληνικά: Γειά σου Κόσμε",
    "עברית: שלום עולם",
    "العربية: مرحبا بالعالم",
    "हिन्दी: नमस्ते दुनिया",
    "Emoji: 😀 😃 😄 🎉🎉🎉 👍🏽 👨‍👩‍👧‍👦 🇯🇵 ❤️",
    "Mixed 日本 and English and 😀 emoji",
    "Café naïve résumé façade coöperate Ångström",
    "Combining: e\u0301 a\u0308 o\u0302 (decomposed)",
    "Full-width: ＡＢＣ１２３ and ligature ﬁ ﬂ and ① ② ③",
    "def add(a, b):\n    return a + b\n",
    "for (int i = 0; i < n; ++i) { sum += x[i]; }",
    "if x == 1 and y != 2:\n\tprint(f\"{x=}\")\n",
    "const f = (x) => x ** 2; // arrow function",
    "<html><body><p class=\"x\">Hi</p></body></html>",
    "SELECT * FROM users WHERE id = 42 AND name LIKE '%bob%';",
    "https://example.com/path?query=1&other=two#frag",
    "email@example.com, user.name+tag@domain.co.uk",
    "!!! ??? ... --- ___ *** ### @@@ $$$ %%% ^^^ &&& ((( )))",
    "a",
    " ",
    "  ",
    "\n",
    "x y z",
    "'s 't 're 've 'm 'll 'd",
    "it's 'S 'T 'RE 'Ve 'LL 'D",
    "‘smart quotes’ “double” — em dash – en dash … ellipsis",
    "Zero\u200bwidth\u200dspace and soft\u00adhyphen",
    "Control chars: \x01\x02\x7f end",
    "Supplementary: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕋𝕖𝕩𝕥 𐍈 𠜎 𠜱",
    "1234567890 0987654321 111 2222 33333",
    "Version v1.2.3-beta+build.456",
    "CamelCaseWordsAndsnake_case_words",
    "ALLCAPS lowercase MiXeDcAsE",
    "I have 3 apples and 12 oranges.",
    "The year 1999 was followed by 2000.",
    "Prices: $5.99, €10, £20, ¥1000",
    "Math: ∑ ∫ √ ∞ ≠ ≤ ≥ ± × ÷",
    "Arrows → ← ↑ ↓ and boxes ■ □ ▪",
    "Tokenization is the process of splitting text into tokens.",
    "Supervised fine-tuning adapts a pretrained language model.",
    "### Instruction:\nSummarize the text.\n\n### Response:\nIt is short.",
    "<|user|>\nWhat is 2+2?\n<|assistant|>\n4",
    "Question: What is the capital of France?\nAnswer: Paris",
    "    indented code block\n        more indented",
    "word\n\n\n\n\nword",
    "end.",
    "???",
    "...",
    "a  b   c    d     e",
    "ThisIsAVeryLongWordWithoutAnySpacesThatGoesOnAndOnAndOnForAWhile",
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "😀",
    "🇯🇵🇺🇸🇬🇧",
    "\t",
    "x\u2028y\u2029z",
    "Ünïcödé Ŝtŕîñĝ",
    "ǅ ǈ ǋ titlecase digraphs",
    "İstanbul ıi ß ẞ",
]

WORDS = {
    "en": "the a of and to in is was for on that with as it by at from this be are have not but or "
          "model token text data train learning language fine tune weight loss batch step epoch "
          "hello world quick brown fox lazy dog time year people way day man thing woman life child".split(),
    "ja": "日本 東京 大阪 京都 天気 今日 明日 学校 先生 学生 本 水 山 川 電車 会社 仕事 時間 言葉 世界".split(),
    "zh": "中国 北京 上海 学习 机器 数据 模型 语言 文本 时间 工作 朋友 天气 公园 城市 问题 方法".split(),
    "code": "def return if else for while import from class self print len range int str None True False".split(),
}
PUNCT = [".", ",", "!", "?", ";", ":", " -", "...", " (", ")", "\"", "'s", "'ll", "n't"]


def training_corpus(seed=1234, lines=1500):
    """Deterministic mixed-language lines for training the fixture tokenizers."""
    rng = random.Random(seed)
    out = list(BASE_TEXTS)
    for _ in range(lines):
        lang = rng.choice(["en", "en", "en", "ja", "zh", "code"])
        words = WORDS[lang]
        n = rng.randint(3, 14)
        sep = "" if lang in ("ja", "zh") else " "
        parts = []
        for _ in range(n):
            w = rng.choice(words)
            if lang == "en" and rng.random() < 0.15:
                w = w.capitalize()
            parts.append(w)
            if rng.random() < 0.1:
                parts.append(str(rng.randint(0, 99999)))
        line = sep.join(parts)
        if rng.random() < 0.5:
            line += rng.choice(PUNCT)
        if rng.random() < 0.1:
            line = "    " + line
        if rng.random() < 0.1:
            line += "\n\n"
        out.append(line)
    return out


def test_texts(seed=99, extra=40):
    """The texts whose encodings are checked: the base texts plus random mixtures."""
    rng = random.Random(seed)
    texts = list(BASE_TEXTS)
    for _ in range(extra):
        a, b, c = rng.sample(BASE_TEXTS, 3)
        joiner = rng.choice([" ", "\n", "", "  ", "\t"])
        texts.append(a + joiner + b + rng.choice(["", " ", "\n"]) + c)
    return texts
