import Foundation
import Testing
@testable import Interpreter

/// The Swift side of `torch.Tensor` that model bindings use, and the not-found error of
/// `AutoTokenizer.from_pretrained` (CPython's would need the network, so no golden).
@Suite struct TorchTensorTests {
    @Test func floatTensorFromSwiftPrintsLikeTorch() {
        let t = PyTensor(float32: [0.1, 2.5, -3, 0.25, 1, 7], shape: [2, 3])
        #expect(TensorFormatting.repr(t) == "tensor([[ 0.1000,  2.5000, -3.0000],\n        [ 0.2500,  1.0000,  7.0000]])")
        #expect(t.strides == [3, 1])
    }

    @Test func int64TensorArgmaxAlongLastDim() throws {
        let t = PyTensor(int64: [1, 9, 3, 7, 2, 8], shape: [2, 3])
        let a = try t.argmax(dim: -1, keepdim: false)
        #expect(a.shape == [2])
        #expect(a.values == [1, 2])
        #expect(TensorFormatting.repr(a) == "tensor([1, 2])")
    }

    @Test func summarisesLargeTensors() {
        let t = PyTensor(int64: Array(0..<1001), shape: [1001])
        #expect(TensorFormatting.repr(t) == "tensor([   0,    1,    2,  ...,  998,  999, 1000])")
    }

    @Test func unknownTokenizerIdRaisesOSErrorListingPlaces() {
        let output = OutputCollector()
        let session = Session(argv: ["t.py"], output: output.append, input: { nil })
        let source = """
        from transformers import AutoTokenizer
        try:
            AutoTokenizer.from_pretrained("no-such-org/no-such-model")
        except OSError as e:
            print(str(e).splitlines()[0][:40])
            print("looked in" in str(e))
        """
        _ = session.runSource(source, name: "t.py")
        #expect(output.text(.stdout) == "Can't load tokenizer for 'no-such-org/no\nTrue\n")
    }
}
