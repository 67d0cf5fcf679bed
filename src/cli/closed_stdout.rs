//! Whether standard output was closed (`>&-`) when groupfit was started.
//!
//! The Rust runtime reopens a closed standard descriptor on /dev/null before `main`, so a report
//! written to it would vanish with exit 0. The only moment the truth can be seen is before the
//! runtime starts: a function in `.init_array`, which the loader runs before the C `main` that
//! starts Rust. It asks the kernel whether descriptor 1 exists and remembers the answer.
//!
//! This is the one place groupfit uses `unsafe`: a call to `fcntl`, which reads nothing and
//! changes nothing, and a link section, which is how a pre-`main` function is registered.
#![allow(unsafe_code)]

use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

/// True when descriptor 1 did not exist as the process started (Linux; elsewhere always false).
pub fn was_closed() -> bool {
    CLOSED_AT_START.load(Ordering::Relaxed)
}

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static RECORD_AT_START: extern "C" fn() = record;

#[cfg(target_os = "linux")]
extern "C" fn record() {
    // SAFETY: F_GETFD on a descriptor number only reads its flags; an unknown descriptor
    // returns -1 (EBADF) and nothing else happens.
    let closed = unsafe { libc::fcntl(1, libc::F_GETFD) } == -1;
    CLOSED_AT_START.store(closed, Ordering::Relaxed);
}
