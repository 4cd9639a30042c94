//! The contract crate against its OpenAPI document: examples, schemas, validation and the
//! decoders and encoders, one test binary for all of them (one link instead of one per file).

mod common;
mod decoder_properties;
mod encoder_properties;
mod examples;
mod schema_properties;
mod validation;
mod validation_properties;
