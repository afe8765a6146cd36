//! The `pizhu` binary: parse the command line and hand over to the library.

use std::io::Write;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let _logs = pizhu::logging::init();
    let cli = pizhu::cli::Cli::parse();
    let result = match &cli.command {
        Some(command) => pizhu::cli::run(&cli, command),
        None => pizhu::cli::open_window(&cli),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // The reader of our output went away (`pizhu text 1 | head`): nothing is wrong.
        Err(e) if is_broken_pipe(&e) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let message = pizhu::cli::error_line(&e);
            tracing::error!(target: pizhu::logging::EXIT_ERROR_TARGET, "{message}");
            // Not eprintln!: it panics when stderr is closed, and a desktop launch may
            // have no stderr at all. The log has the message either way.
            let _ = writeln!(std::io::stderr(), "pizhu: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
