import CJSONC
import Testing

/// Fails loudly when a system package (json-c) is missing or broken.
@Suite struct SystemLibraryTests {
    @Test func jsonCParses() {
        let object = json_tokener_parse("{\"a\": [1, 2, 3]}")
        #expect(object != nil)
        defer { json_object_put(object) }
        var array: OpaquePointer?
        #expect(json_object_object_get_ex(object, "a", &array) != 0)
        #expect(json_object_array_length(array) == 3)
    }
}
