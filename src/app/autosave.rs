//! Autosave for crash recovery: the work is written to the store's recovery file on the named
//! thread `parallax-autosave`, at most once every [`INTERVAL`] and a moment after the last change
//! ([`QUIET`]), so typing and dragging never wait for the disk.
//!
//! Writes and clears go through one thread in order, so a clear (after a save or at a clean exit)
//! is never overtaken by an older write.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::session::{Session, Store};

/// Shortest time between two autosaves.
pub const INTERVAL: Duration = Duration::from_secs(10);
/// Wait this long after a change before writing (changes in a burst are written once).
pub const QUIET: Duration = Duration::from_secs(2);

enum Job {
    Write(Box<Session>),
    Clear,
    /// Answers once every earlier job is done.
    Flush(Sender<()>),
}

/// The autosave thread and its schedule.
pub struct Autosaver {
    store: Store,
    jobs: Option<Sender<Job>>,
    failures: Receiver<String>,
    thread: Option<JoinHandle<()>>,
    /// When the next write is due (None: nothing waiting).
    due: Option<Instant>,
    last_write: Option<Instant>,
}

impl Autosaver {
    /// Starts the thread for `store`. Without a thread, writes happen on the caller's thread.
    pub fn start(store: Store) -> Autosaver {
        let (jobs, rx) = mpsc::channel::<Job>();
        let (fail_tx, failures) = mpsc::channel();
        let thread_store = store.clone();
        let thread = std::thread::Builder::new()
            .name("parallax-autosave".into())
            .spawn(move || run(&thread_store, &rx, &fail_tx))
            .ok();
        Autosaver {
            store,
            jobs: thread.is_some().then_some(jobs),
            failures,
            thread,
            due: None,
            last_write: None,
        }
    }

    /// The store written to.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Notes a change at `now`: a write is scheduled unless one already is.
    pub fn changed(&mut self, now: Instant) {
        if self.due.is_none() {
            let earliest = self.last_write.map_or(now, |t| t + INTERVAL);
            self.due = Some(earliest.max(now + QUIET));
        }
    }

    /// True when a scheduled write is due at `now`.
    pub fn is_due(&self, now: Instant) -> bool {
        self.due.is_some_and(|d| d <= now)
    }

    /// How long until the scheduled write (for `request_repaint_after`).
    pub fn wake_in(&self, now: Instant) -> Option<Duration> {
        self.due.map(|d| d.saturating_duration_since(now))
    }

    /// Writes `session` to the recovery file in the background and clears the schedule.
    pub fn write(&mut self, session: Session, now: Instant) {
        self.due = None;
        self.last_write = Some(now);
        self.send(Job::Write(Box::new(session)));
    }

    /// Drops the scheduled write (nothing worth writing).
    pub fn clear_schedule(&mut self) {
        self.due = None;
    }

    /// Removes the recovery file (after earlier writes) and drops any scheduled write.
    pub fn clear(&mut self) {
        self.due = None;
        self.send(Job::Clear);
    }

    /// Waits up to `timeout` until every job sent so far is done; true when they are.
    pub fn flush(&self, timeout: Duration) -> bool {
        let (tx, rx) = mpsc::channel();
        match &self.jobs {
            Some(jobs) if jobs.send(Job::Flush(tx)).is_ok() => rx.recv_timeout(timeout).is_ok(),
            _ => true,
        }
    }

    /// A failed write's message, once per failure.
    pub fn failure(&self) -> Option<String> {
        self.failures.try_recv().ok()
    }

    fn send(&mut self, job: Job) {
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => return,
                Err(mpsc::SendError(job)) => job,
            },
            None => job,
        };
        // No thread: do it here rather than not at all.
        if let Err(e) = perform(&self.store, job) {
            log_failure(&e);
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        // Closing the channel ends the loop after the jobs already sent; join so a write in
        // progress completes before the process exits.
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn run(store: &Store, jobs: &Receiver<Job>, failures: &Sender<String>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        batch.extend(jobs.try_iter());
        // A write followed by another write or a clear is already out of date.
        let superseded = |k: usize| batch[k + 1..].iter().any(|j| matches!(j, Job::Write(_) | Job::Clear));
        let keep: Vec<bool> =
            (0..batch.len()).map(|k| !(matches!(batch[k], Job::Write(_)) && superseded(k))).collect();
        for (job, keep) in batch.into_iter().zip(keep) {
            if !keep {
                continue;
            }
            if let Err(e) = perform(store, job) {
                log_failure(&e);
                let _ = failures.send(e);
            }
        }
    }
}

fn perform(store: &Store, job: Job) -> Result<(), String> {
    match job {
        Job::Write(session) => store.autosave(&session).map_err(|e| e.to_string()),
        Job::Clear => store.clear_recovery().map_err(|e| e.to_string()),
        Job::Flush(done) => {
            let _ = done.send(());
            Ok(())
        }
    }
}

fn log_failure(message: &str) {
    eprintln!("parallax: autosave: {message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_wait_for_quiet_and_for_the_interval() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Autosaver::start(Store::at(dir.path()));
        let t0 = Instant::now();
        a.changed(t0);
        assert!(!a.is_due(t0), "not at once");
        assert!(a.is_due(t0 + QUIET), "after a quiet moment");
        a.changed(t0 + Duration::from_secs(1));
        assert!(a.is_due(t0 + QUIET), "later changes do not push a due write back");
        a.write(Session::default(), t0 + QUIET);
        assert!(!a.is_due(t0 + QUIET * 2));
        a.changed(t0 + QUIET + Duration::from_secs(1));
        assert!(!a.is_due(t0 + QUIET + Duration::from_secs(5)), "at most one write per interval");
        assert!(a.is_due(t0 + QUIET + INTERVAL));
        assert!(a.flush(Duration::from_secs(10)));
        assert!(Store::at(dir.path()).take_recovery().is_some(), "the write reached the disk");
        a.clear();
        assert!(a.flush(Duration::from_secs(10)));
        assert!(Store::at(dir.path()).take_recovery().is_none(), "and the clear too");
    }
}
