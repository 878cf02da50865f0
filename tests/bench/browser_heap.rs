//! The allocator the core has in the browser (`src/boundary/heap.rs`), its pages taken from the
//! system: the benchmarks measure the core as it runs there. (They run one thread, as the wasm
//! does.)

use std::alloc::{GlobalAlloc, Layout, System};
use vetted::heap::{Heap, PAGE};

#[global_allocator]
static HEAP: Heap<fn(usize) -> Option<usize>> = Heap::new(system_pages);

fn system_pages(pages: usize) -> Option<usize> {
    let layout = Layout::from_size_align(pages * PAGE, PAGE).ok()?;
    let memory = unsafe { System.alloc(layout) };
    (!memory.is_null()).then_some(memory as usize)
}
