//! The pure text core: document model, reflow, reading text and offsets, anchoring and
//! segmentation. No UI, no SQL, no file system.

pub mod anchor;
pub mod annotation;
pub mod charclass;
pub mod colors;
pub mod corrections;
pub mod dictionary;
pub mod keep_lines;
pub mod layout;
pub mod linebreak;
pub mod model;
pub mod outline;
pub mod parallel;
pub mod reflow;
pub mod script;
pub mod search;
pub mod segment;
pub mod source;
