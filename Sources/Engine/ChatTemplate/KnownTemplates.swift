/// Chat templates that libraries install themselves rather than read from a
/// model's tokenizer_config.json.
extension ChatTemplate {
    /// The ChatML template TRL's `setup_chat_format(model, tokenizer, format="chatml")`
    /// sets (`ChatMlSpecialTokens.chat_template`), for the given special tokens.
    /// The `\n` inside the Jinja string literals are real newlines, as in TRL's f-strings.
    public static func trlChatMLSource(bosToken: String = "<|im_start|>", eosToken: String = "<|im_end|>") -> String {
        "{% for message in messages %}"
            + "{{'\(bosToken)' + message['role'] + '\n' + message['content'] + '\(eosToken)' + '\n'}}"
            + "{% endfor %}"
            + "{% if add_generation_prompt %}"
            + "{{ '\(bosToken)assistant\n' }}"
            + "{% endif %}"
    }
}
