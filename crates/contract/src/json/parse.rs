//! The parser: JSON text (RFC 8259) into a [`Json`] tree, byte by byte.

use super::{Json, JsonError, MAX_DEPTH};

/// Parses one JSON text (RFC 8259), white space around it allowed.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at == text.len() {
        Ok(value)
    } else {
        Err(JsonError::Syntax(parser.at))
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8) -> Result<(), JsonError> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(JsonError::Syntax(self.at))
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        if self.text.get(self.at..).is_some_and(|rest| rest.starts_with(word)) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(JsonError::Syntax(self.at))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(JsonError::Syntax(self.at)),
        }
    }

    /// The members of an object: `{` is next.
    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(JsonError::Syntax(self.at));
            }
            let key = self.string()?;
            self.skip_space();
            self.expect(b':')?;
            members.push((key, self.value(depth + 1)?));
            self.skip_space();
            if !self.eat(b',') {
                self.expect(b'}')?;
                return Ok(Json::Object(members));
            }
        }
    }

    /// The items of an array: `[` is next.
    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            if !self.eat(b',') {
                self.expect(b']')?;
                return Ok(Json::Array(items));
            }
        }
    }

    /// A string: `"` is next. Splits the text only at ASCII bytes, so every slice is
    /// whole characters.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        let mut start = self.at;
        loop {
            match self.peek() {
                Some(b'"') => {
                    out.push_str(self.text.get(start..self.at).unwrap_or_default());
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(start..self.at).unwrap_or_default());
                    self.at += 1;
                    out.push(self.escape()?);
                    start = self.at;
                }
                Some(0x20..) => self.at += 1,
                // A control character or the end of the text.
                _ => return Err(JsonError::Syntax(self.at)),
            }
        }
    }

    /// The character an escape stands for: the byte after `\` is next.
    fn escape(&mut self) -> Result<char, JsonError> {
        let byte = self.peek().ok_or(JsonError::Syntax(self.at))?;
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&unit) {
                    // A high surrogate must be followed by an escaped low one.
                    if !(self.eat(b'\\') && self.eat(b'u')) {
                        return Err(JsonError::Syntax(self.at));
                    }
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(JsonError::Syntax(self.at));
                    }
                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    unit
                };
                // A lone low surrogate is no character.
                char::from_u32(code).ok_or(JsonError::Syntax(self.at))?
            }
            _ => return Err(JsonError::Syntax(self.at - 1)),
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.text.get(self.at..self.at + 4).ok_or(JsonError::Syntax(self.at))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(JsonError::Syntax(self.at));
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| JsonError::Syntax(self.at))
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// A number, checked against JSON's grammar (no `+`, no leading zero, no bare `.`).
    fn number(&mut self) -> Result<Json, JsonError> {
        let negative = self.eat(b'-');
        let start = self.at;
        let whole = self.digits();
        if whole == 0 || (whole > 1 && self.text.as_bytes().get(start) == Some(&b'0')) {
            return Err(JsonError::Syntax(start));
        }
        let end = self.at;
        let mut integer = true;
        if self.eat(b'.') {
            integer = false;
            if self.digits() == 0 {
                return Err(JsonError::Syntax(self.at));
            }
        }
        if self.eat(b'e') || self.eat(b'E') {
            integer = false;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return Err(JsonError::Syntax(self.at));
            }
        }
        // serde_json reads an integer outside i64/u64, or -0, as a float.
        let magnitude = self.text.get(start..end).and_then(|d| d.parse::<u64>().ok());
        Ok(match (integer, magnitude, negative) {
            (true, Some(m), false) => Json::Int(i128::from(m)),
            (true, Some(m @ 1..), true) if m <= 1 << 63 => Json::Int(-i128::from(m)),
            _ => Json::Float,
        })
    }
}
