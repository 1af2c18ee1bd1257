// Ctrl-C goes to a Dispatch signal source (the REPL's and a batch run's), which on Linux reads signals that
// are pending, not delivered: SIGINT must be blocked in every thread. Dispatch's own threads block it; the main
// thread must too, or — started from a terminal with nothing blocked — the signal is delivered to it, where
// SIG_IGN discards it, and Ctrl-C now and then does nothing.
import Foundation

enum Interrupts {
    static func routeToDispatch() {
        signal(SIGINT, SIG_IGN)
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGINT)
        pthread_sigmask(SIG_BLOCK, &mask, nil)
    }
}
