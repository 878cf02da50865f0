//! The popup's UI (being written).
