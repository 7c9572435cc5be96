/// The syntax tree of the Python subset sftnb runs. The parser produces it once per
/// file, cell or REPL entry (an immutable `Program`); the evaluator may compile it
/// further (resolving names to slots) but never changes it. Every node has a span,
/// so every runtime error can point at its source.

/// A parsed file, cell or REPL entry.
public struct Program: Sendable {
    public var file: SourceFile
    public var body: [Stmt]
    public init(file: SourceFile, body: [Stmt]) {
        self.file = file
        self.body = body
    }
}

// MARK: - Expressions

public struct Expr: Sendable {
    public var kind: ExprKind
    public var span: SourceSpan
    /// Height of the tree under this node (1 for a leaf), computed at construction from the
    /// children's. The parser bounds it, so no program builds a tree too deep to walk (or free)
    /// recursively; see `ExprKind.childDepth`.
    public private(set) var depth: Int
    public init(_ kind: ExprKind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
        self.depth = 1 + kind.childDepth
    }
}

public indirect enum ExprKind: Sendable {
    case name(String)
    case constant(Constant)
    /// An f-string (adjacent plain literals are folded into its parts).
    case formattedString([FStringPart])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `a and b and c` / `a or b`: two or more operands, evaluated left to right.
    case boolean(BooleanOperator, [Expr])
    /// `a < b <= c`: the first operand, then each (operator, operand) of the chain.
    case compare(Expr, [(CompareOperator, Expr)])
    /// `body if test else orElse`
    case conditional(test: Expr, body: Expr, orElse: Expr)
    case lambda(Parameters, body: Expr)
    /// `name := value`
    case namedExpression(target: String, value: Expr)
    case call(Expr, [Argument])
    case attribute(Expr, String)
    /// `value[index]`; a slice index is `.slice`, `a[1:2, 3]` is a `.tuple` index.
    case `subscript`(Expr, index: Expr)
    /// Only inside a subscript index.
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    /// Displays; elements may be `.starred`.
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    case dict([DictItem])
    case listComprehension(Expr, [Comprehension])
    case setComprehension(Expr, [Comprehension])
    case dictComprehension(key: Expr, value: Expr, [Comprehension])
    case generator(Expr, [Comprehension])
    /// `*x` in a display, a call's positional arguments handled by `Argument.star`, or an assignment target.
    case starred(Expr)
    case yield(Expr?)
    case yieldFrom(Expr)
}

public enum Constant: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    /// An integer literal too large for `Int`, as decimal digits (already converted from hex/octal/binary).
    case bigInt(String)
    case float(Double)
    /// `1j`-style literals are not supported (the parser reports them); no complex case.
    case string(String)
    case bytes([UInt8])
    case ellipsis
}

public enum FStringPart: Sendable {
    case literal(String)
    /// `{expr!r:spec}`; `spec` may itself hold replacement fields (`{x:{width}}`).
    /// `debugText` is the `expr=` text of a self-documenting field (`f"{x=}"`), printed before the value.
    case replacement(Expr, conversion: Character?, spec: [FStringPart]?, debugText: String?)
}

public enum UnaryOperator: String, Sendable {
    case not = "not", negate = "-", plus = "+", invert = "~"
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matrixMultiply = "@"
    case leftShift = "<<", rightShift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"
}

public enum BooleanOperator: String, Sendable {
    case and, or
}

public enum CompareOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

public enum Argument: Sendable {
    case positional(Expr)
    /// `*args`
    case star(Expr)
    case keyword(String, Expr, SourceSpan)
    /// `**kwargs`
    case doubleStar(Expr)
}

public enum DictItem: Sendable {
    case pair(key: Expr, value: Expr)
    /// `**other`
    case unpack(Expr)
}

/// `for target in iterable if cond1 if cond2` (one clause of a comprehension).
public struct Comprehension: Sendable {
    public var target: Expr
    public var iterable: Expr
    public var conditions: [Expr]
    public init(target: Expr, iterable: Expr, conditions: [Expr]) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
    }
}

/// A parameter list: `def f(a, /, b, c=1, *args, d, e=2, **kwargs)`. Annotations are parsed and dropped.
public struct Parameters: Sendable {
    public var positionalOnly: [Parameter]
    public var regular: [Parameter]
    public var varArgs: Parameter?
    public var keywordOnly: [Parameter]
    public var varKeywords: Parameter?

    public init(positionalOnly: [Parameter] = [], regular: [Parameter] = [], varArgs: Parameter? = nil,
                keywordOnly: [Parameter] = [], varKeywords: Parameter? = nil) {
        self.positionalOnly = positionalOnly
        self.regular = regular
        self.varArgs = varArgs
        self.keywordOnly = keywordOnly
        self.varKeywords = varKeywords
    }
}

public struct Parameter: Sendable {
    public var name: String
    public var defaultValue: Expr?
    public var span: SourceSpan
    public init(name: String, defaultValue: Expr? = nil, span: SourceSpan) {
        self.name = name
        self.defaultValue = defaultValue
        self.span = span
    }
}

// MARK: - Statements

public struct Stmt: Sendable {
    public var kind: StmtKind
    public var span: SourceSpan
    public init(_ kind: StmtKind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

public indirect enum StmtKind: Sendable {
    case expression(Expr)
    /// `a = b = value`: every target, left to right.
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, BinaryOperator, value: Expr)
    /// `x: int = 3` / `x: int`; the annotation is dropped.
    case annotatedAssign(target: Expr, value: Expr?)
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case `return`(Expr?)
    case delete([Expr])
    case `if`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
    case with([WithItem], body: [Stmt])
    case raise(Expr?, cause: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case assert(Expr, message: Expr?)
    /// `import a.b as c, d`
    case `import`([ImportName])
    /// `from ..pkg import a as b` (`level` counts the dots); `from m import *` is one name `*`.
    case importFrom(module: String?, names: [ImportName], level: Int)
    case global([String])
    case nonlocal([String])
    case pass
    case `break`
    case `continue`
}

public struct FunctionDef: Sendable {
    public var name: String
    public var parameters: Parameters
    public var body: [Stmt]
    /// Outermost first, as written.
    public var decorators: [Expr]
    /// The first statement's string literal, if any (it also stays in `body`).
    public var docstring: String?
    /// The body contains `yield` outside nested functions and classes.
    public var isGenerator: Bool

    public init(name: String, parameters: Parameters, body: [Stmt], decorators: [Expr],
                docstring: String?, isGenerator: Bool) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.decorators = decorators
        self.docstring = docstring
        self.isGenerator = isGenerator
    }
}

public struct ClassDef: Sendable {
    public var name: String
    public var bases: [Expr]
    /// `class A(B, metaclass=M)`: the keywords after the bases.
    public var keywords: [(String, Expr)]
    public var body: [Stmt]
    public var decorators: [Expr]
    public var docstring: String?

    public init(name: String, bases: [Expr], keywords: [(String, Expr)], body: [Stmt],
                decorators: [Expr], docstring: String?) {
        self.name = name
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decorators = decorators
        self.docstring = docstring
    }
}

public struct WithItem: Sendable {
    public var context: Expr
    public var target: Expr?
    public init(context: Expr, target: Expr?) {
        self.context = context
        self.target = target
    }
}

public struct ExceptHandler: Sendable {
    /// `except (A, B) as e:`: the type expression (nil for a bare `except:`).
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var span: SourceSpan
    public init(type: Expr?, name: String?, body: [Stmt], span: SourceSpan) {
        self.type = type
        self.name = name
        self.body = body
        self.span = span
    }
}

public struct ImportName: Sendable {
    /// Dotted: `os.path`.
    public var name: String
    public var asName: String?
    public var span: SourceSpan
    public init(name: String, asName: String?, span: SourceSpan) {
        self.name = name
        self.asName = asName
        self.span = span
    }
}
