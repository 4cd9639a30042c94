//! gzip and brotli at their maximum settings, for the precompressed siblings of the bundle
//! (`<file>.gz`, `<file>.br`) and for whoever measures what the bundle weighs on the wire.
//!
//! Both are deterministic: the same bytes always compress to the same bytes (the gzip
//! header carries no file name and a zero modification time). A crate of its own so that
//! the xtask (which writes the siblings), the dev back end (which serves them) and the tests
//! (which weigh them) share one definition.

use std::io::Write as _;
use std::path::{Path, PathBuf};

max_channel_kit::closed_enum! {
    /// A content coding of a precompressed sibling, in the order of preference.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Encoding {
        Brotli = "br",
        Gzip = "gzip",
    }
}

impl Encoding {
    /// The sibling's suffix: `app.wasm` → `app.wasm.br`.
    pub fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => ".br",
            Encoding::Gzip => ".gz",
        }
    }

    /// `<file><suffix>` next to `file`.
    pub fn sibling(self, file: &Path) -> PathBuf {
        let mut name = file.as_os_str().to_owned();
        name.push(self.suffix());
        PathBuf::from(name)
    }

    pub fn compress(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Encoding::Brotli => brotli(bytes),
            Encoding::Gzip => gzip(bytes),
        }
    }
}

/// gzip (RFC 1952) at level 9, by flate2's pure-Rust back end (miniz_oxide).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = ::flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::with_capacity(bytes.len() / 3 + 64), ::flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to a Vec cannot fail");
    encoder.finish().expect("writing to a Vec cannot fail")
}

/// brotli (RFC 7932) at quality 11 with a 4 MiB window (lgwin 22), generic mode.
///
/// Through the crate's one-shot `BrotliEncoderCompress` (feature `ffi-api`) rather than its
/// generic Rust API: that function is compiled inside the `brotli` crate, which the workspace
/// optimises even in debug builds, while the generic encoder would be instantiated in the
/// calling crate without optimisation — some 4× slower (about 8 s instead of 2 s for the
/// 1 MB wasm in a debug build). Both give the same bytes.
// The one unsafe block of the project (unsafe_code is denied everywhere else).
#[allow(unsafe_code)]
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    use ::brotli::ffi::compressor::{BrotliEncoderCompress, BrotliEncoderMode};
    // An upper bound that includes the fallback to uncompressed meta-blocks.
    let mut out = vec![0u8; ::brotli::enc::BrotliEncoderMaxCompressedSize(bytes.len()).max(64)];
    let mut len = out.len();
    // SAFETY: `bytes.as_ptr()` is valid for `bytes.len()` reads and `out.as_mut_ptr()` for
    // `len` writes; `len` is a valid, exclusive `*mut usize`; nothing else aliases `out` and all
    // three outlive the call, which keeps no pointer (it returns after writing `len`).
    let ok = unsafe {
        BrotliEncoderCompress(
            11,
            22,
            BrotliEncoderMode::BROTLI_MODE_GENERIC,
            bytes.len(),
            bytes.as_ptr(),
            &mut len,
            out.as_mut_ptr(),
        )
    };
    assert_eq!(ok, 1, "brotli failed on {} bytes", bytes.len());
    assert!(len <= out.len());
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    fn sample() -> Vec<u8> {
        let mut text = Vec::new();
        for i in 0..1_000u32 {
            text.extend_from_slice(format!("export function f{i}(x) {{ return x * {}; }}\n", i % 97).as_bytes());
        }
        text
    }

    #[test]
    fn both_round_trip_and_shrink_text() {
        for input in [Vec::new(), b"a".to_vec(), sample()] {
            let gz = gzip(&input);
            let mut back = Vec::new();
            ::flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut back).unwrap();
            assert_eq!(back, input);

            let br = brotli(&input);
            let mut back = Vec::new();
            ::brotli::Decompressor::new(&br[..], 4096).read_to_end(&mut back).unwrap();
            assert_eq!(back, input);
        }
        let input = sample();
        let (gz, br) = (gzip(&input).len(), brotli(&input).len());
        assert!(br < gz && gz < input.len() / 4, "raw {} gz {gz} br {br}", input.len());
    }

    #[test]
    fn output_is_deterministic() {
        let input = sample();
        assert_eq!(gzip(&input), gzip(&input));
        assert_eq!(brotli(&input), brotli(&input));
        // The same bytes as the crate's generic streaming encoder at the same settings.
        let params =
            ::brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, size_hint: input.len(), ..Default::default() };
        let mut streamed = Vec::new();
        ::brotli::BrotliCompress(&mut &input[..], &mut streamed, &params).unwrap();
        assert_eq!(brotli(&input), streamed);
        // No name, mtime 0 (bytes 4..8), maximum compression flag (byte 8 = 2).
        let gz = gzip(b"x");
        assert_eq!(&gz[..4], &[0x1f, 0x8b, 8, 0]);
        assert_eq!(&gz[4..9], &[0, 0, 0, 0, 2]);
    }
}
