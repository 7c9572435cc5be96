/// The named special tokens and settings of `PreTrainedTokenizer` (`bos_token`,
/// `eos_token_id`, `padding_side`, ...). Setting a token that the vocabulary lacks adds
/// it as a special token, so its id is valid at once.
extension Tokenizer {
    public var bosToken: String? {
        get { config.bosToken }
        set { config.bosToken = newValue; ensureSpecial(newValue); refreshTemplate() }
    }
    public var eosToken: String? {
        get { config.eosToken }
        set { config.eosToken = newValue; ensureSpecial(newValue); refreshTemplate() }
    }
    public var unkToken: String? {
        get { config.unkToken }
        set { config.unkToken = newValue; ensureSpecial(newValue) }
    }
    public var padToken: String? {
        get { config.padToken }
        set { config.padToken = newValue; ensureSpecial(newValue) }
    }

    public var bosTokenId: Int? { config.bosToken.flatMap(tokenToId) }
    public var eosTokenId: Int? { config.eosToken.flatMap(tokenToId) }
    public var unkTokenId: Int? { config.unkToken.flatMap(tokenToId) }
    public var padTokenId: Int? { config.padToken.flatMap(tokenToId) }

    /// Ids of every special added token (`all_special_ids`).
    public var allSpecialIds: [Int] { added.byId.filter { $0.value.special }.keys.sorted() }

    public var chatTemplate: String? {
        get { config.chatTemplate }
        set { config.chatTemplate = newValue }
    }
    public var modelMaxLength: Int {
        get { config.modelMaxLength }
        set { config.modelMaxLength = newValue }
    }
    public var paddingSide: String {
        get { config.paddingSide }
        set { config.paddingSide = newValue }
    }
    public var truncationSide: String {
        get { config.truncationSide }
        set { config.truncationSide = newValue }
    }
    public var addBosToken: Bool {
        get { config.addBosToken ?? false }
        set { config.addBosToken = newValue; rebuildBosEosTemplate() }
    }
    public var addEosToken: Bool {
        get { config.addEosToken ?? false }
        set { config.addEosToken = newValue; rebuildBosEosTemplate() }
    }

    private func ensureSpecial(_ token: String?) {
        guard let token, added.idByContent[token] == nil else { return }
        added.add([AddedToken(token, special: true)], model: model, normalizer: normalizer)
    }

    /// A template built from add_bos_token/add_eos_token follows changes of bos/eos.
    private func refreshTemplate() {
        if postProcessorJSON != nil { rebuildBosEosTemplate() }
    }
}
