//! The wasm's memory allocator, in place of the standard library's dlmalloc (about 8 KB of the
//! content script's wasm, loaded on every LinkedIn page).
//!
//! Blocks come in powers of two, from 16 bytes, each aligned to 16; a freed block waits in the
//! list of its size for the next allocation of that size. New blocks are cut from pages taken
//! at the end of the wasm memory with `memory.grow`, which never gives memory back: neither did
//! dlmalloc. The core's work comes in batches of the same shapes (a batch's text, its cards,
//! their readings and results), so the lists serve nearly every allocation after the first
//! batches; rounding up to a power of two costs a quarter of the bytes in use, on average.
//!
//! The wasm is single-threaded: the lists need no lock.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// The smallest block, and the alignment of every block.
const MIN: usize = 16;
/// The size of a wasm page.
pub const PAGE: usize = 65536;
/// Size classes: block sizes 2^0 .. 2^31 (only those from `MIN` on are used).
const CLASSES: usize = 32;

/// The allocator: `grow(pages)` adds pages of memory and returns the address of the first,
/// or `None` when there is no more.
pub struct Heap<G> {
    pools: UnsafeCell<Pools>,
    grow: G,
}

// The wasm runs one thread; natively, the tests give each thread a heap of its own, and the
// engine's benchmark, which allocates with it, runs one thread.
unsafe impl<G> Sync for Heap<G> {}

struct Pools {
    /// The first free block of each size class, or 0; each free block holds the next one's
    /// address in its first bytes.
    free: [usize; CLASSES],
    /// Where the next new block starts, and where the memory taken so far ends.
    next: usize,
    end: usize,
}

impl<G: Fn(usize) -> Option<usize>> Heap<G> {
    pub const fn new(grow: G) -> Self {
        Heap { pools: UnsafeCell::new(Pools { free: [0; CLASSES], next: 0, end: 0 }), grow }
    }
}

/// The size class of a layout whose alignment a block's 16 bytes satisfy; `None` otherwise.
fn class(layout: Layout) -> Option<usize> {
    if layout.align() > MIN || layout.size() > 1 << (CLASSES - 1) {
        return None;
    }
    Some(layout.size().max(MIN).next_power_of_two().trailing_zeros() as usize)
}

impl<G: Fn(usize) -> Option<usize>> Heap<G> {
    /// Cuts `size` bytes aligned to `align` (16 or more) from new memory.
    unsafe fn cut(&self, pools: &mut Pools, size: usize, align: usize) -> *mut u8 {
        let start = pools.next.next_multiple_of(align);
        if pools.end.saturating_sub(start) < size || start == 0 {
            let pages = (size + align).div_ceil(PAGE);
            let Some(base) = (self.grow)(pages) else { return null_mut() };
            // New pages follow the old ones unless someone else grew the memory meanwhile.
            if base != pools.end {
                pools.next = base;
            }
            pools.end = base + pages * PAGE;
            return self.cut(pools, size, align);
        }
        pools.next = start + size;
        start as *mut u8
    }
}

unsafe impl<G: Fn(usize) -> Option<usize>> GlobalAlloc for Heap<G> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pools = &mut *self.pools.get();
        let Some(class) = class(layout) else {
            // Over-aligned or huge: cut from new memory, and never reused (never happens here).
            return self.cut(pools, layout.size(), layout.align().max(MIN));
        };
        let head = pools.free[class];
        if head != 0 {
            pools.free[class] = *(head as *const usize);
            return head as *mut u8;
        }
        self.cut(pools, 1 << class, MIN)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let pools = &mut *self.pools.get();
        if let Some(class) = class(layout) {
            *(ptr as *mut usize) = pools.free[class];
            pools.free[class] = ptr as usize;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        if class(layout).is_some() && class(layout) == class(new) {
            return ptr;
        }
        let moved = self.alloc(new);
        if !moved.is_null() {
            std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        moved
    }
}

/// Pages of the wasm memory, from `memory.grow`.
#[cfg(target_arch = "wasm32")]
fn grow_memory(pages: usize) -> Option<usize> {
    match core::arch::wasm32::memory_grow(0, pages) {
        usize::MAX => None,
        old => Some(old * PAGE),
    }
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: Heap<fn(usize) -> Option<usize>> = Heap::new(grow_memory);

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A heap over a buffer of `pages` pages, growing a page or more at a time.
    fn heap(pages: usize) -> (Heap<impl Fn(usize) -> Option<usize>>, std::ops::Range<usize>) {
        let memory: &'static mut [u128] = Vec::leak(vec![0u128; (pages + 1) * PAGE / 16]);
        let base = (memory.as_mut_ptr() as usize).next_multiple_of(PAGE);
        let used = Cell::new(0);
        let grow = move |n: usize| {
            (used.get() + n <= pages).then(|| {
                used.set(used.get() + n);
                base + (used.get() - n) * PAGE
            })
        };
        (Heap::new(grow), base..base + pages * PAGE)
    }

    #[test]
    fn blocks_are_aligned_apart_and_reused_by_size() {
        let (heap, memory) = heap(512);
        let mut blocks = Vec::<(usize, Layout)>::new();
        let mut seed = 12345u64;
        let mut random = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for round in 0..20_000 {
            if blocks.is_empty() || random(3) > 0 {
                let size = [1, 7, 16, 24, 100, 1000, 5000, 70_000][random(8) as usize];
                let align = [1, 2, 4, 8, 16][random(5) as usize];
                let layout = Layout::from_size_align(size, align).unwrap();
                let ptr = unsafe { heap.alloc(layout) } as usize;
                assert!(ptr != 0 && ptr.is_multiple_of(align.max(MIN)), "round {round}");
                assert!(memory.contains(&ptr) && ptr + size <= memory.end);
                for &(other, other_layout) in blocks.iter() {
                    assert!(ptr + size <= other || other + other_layout.size() <= ptr, "overlap");
                }
                unsafe { std::ptr::write_bytes(ptr as *mut u8, 0xAB, size) };
                blocks.push((ptr, layout));
            } else {
                let at = random(blocks.len() as u64) as usize;
                let (ptr, layout) = blocks.swap_remove(at);
                unsafe { heap.dealloc(ptr as *mut u8, layout) };
            }
            if blocks.len() > 200 {
                let (ptr, layout) = blocks.swap_remove(0);
                unsafe { heap.dealloc(ptr as *mut u8, layout) };
            }
        }
        // A freed block is the next one of its size.
        let layout = Layout::from_size_align(40, 8).unwrap();
        let first = unsafe { heap.alloc(layout) };
        unsafe { heap.dealloc(first, layout) };
        assert_eq!(unsafe { heap.alloc(Layout::from_size_align(64, 16).unwrap()) }, first);
    }

    #[test]
    fn realloc_keeps_the_bytes_and_the_block_while_it_fits() {
        let (heap, _) = heap(8);
        let layout = Layout::from_size_align(20, 4).unwrap();
        let ptr = unsafe { heap.alloc(layout) };
        unsafe { std::ptr::copy_nonoverlapping(b"twenty bytes of text".as_ptr(), ptr, 20) };
        assert_eq!(unsafe { heap.realloc(ptr, layout, 32) }, ptr);
        let moved = unsafe { heap.realloc(ptr, layout, 33) };
        assert_ne!(moved, ptr);
        assert_eq!(unsafe { std::slice::from_raw_parts(moved, 20) }, b"twenty bytes of text");
    }

    #[test]
    fn out_of_memory_is_null_and_over_alignment_is_honoured() {
        let (heap, _) = heap(2);
        assert!(unsafe { heap.alloc(Layout::from_size_align(3 * PAGE, 16).unwrap()) }.is_null());
        let aligned = unsafe { heap.alloc(Layout::from_size_align(10, 256).unwrap()) } as usize;
        assert!(aligned != 0 && aligned.is_multiple_of(256));
    }
}
