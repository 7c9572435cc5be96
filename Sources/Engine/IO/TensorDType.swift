/// The element types a safetensors file may hold, spelled as in its header.
///
/// The engine computes in float32; F32, BF16 and F16 convert to and from it. The integer
/// and boolean types are read (so files that carry them load and validate) but not
/// converted.
public enum TensorDType: String, CaseIterable, Sendable {
    case BOOL, U8, I8, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64

    /// Bytes per element.
    public var byteSize: Int {
        switch self {
        case .BOOL, .U8, .I8: return 1
        case .I16, .U16, .F16, .BF16: return 2
        case .I32, .U32, .F32: return 4
        case .F64, .I64, .U64: return 8
        }
    }

    /// Whether the engine converts this type to and from float32.
    public var isFloatingCompute: Bool { self == .F32 || self == .BF16 || self == .F16 }

    /// The position of the type in the Rust crate's `Dtype` enum. `save_file` lays tensors
    /// out by this rank, highest first (widest alignment first), then by name; mirroring it
    /// makes sftnb's files byte-identical to Python's.
    var rustOrder: Int {
        switch self {
        case .BOOL: return 0
        case .U8: return 4
        case .I8: return 5
        case .I16: return 9
        case .U16: return 10
        case .F16: return 11
        case .BF16: return 12
        case .I32: return 13
        case .U32: return 14
        case .F32: return 15
        case .F64: return 17
        case .I64: return 18
        case .U64: return 19
        }
    }

    /// The name transformers uses for this type in `config.json`'s `dtype` field.
    public var torchName: String {
        switch self {
        case .F32: return "float32"
        case .BF16: return "bfloat16"
        case .F16: return "float16"
        case .F64: return "float64"
        case .I64: return "int64"
        case .I32: return "int32"
        case .I16: return "int16"
        case .I8: return "int8"
        case .U8: return "uint8"
        case .U16: return "uint16"
        case .U32: return "uint32"
        case .U64: return "uint64"
        case .BOOL: return "bool"
        }
    }

    /// Parses a torch dtype name (`"bfloat16"`, `"torch.bfloat16"`, `"float"`, `"half"`).
    public init?(torchName: String) {
        var name = torchName
        if name.hasPrefix("torch.") { name.removeFirst(6) }
        switch name {
        case "float32", "float": self = .F32
        case "bfloat16": self = .BF16
        case "float16", "half": self = .F16
        case "float64", "double": self = .F64
        case "int64", "long": self = .I64
        case "int32", "int": self = .I32
        case "int16", "short": self = .I16
        case "int8": self = .I8
        case "uint8": self = .U8
        case "uint16": self = .U16
        case "uint32": self = .U32
        case "uint64": self = .U64
        case "bool": self = .BOOL
        default: return nil
        }
    }
}
