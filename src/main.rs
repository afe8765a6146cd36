//! The `pizhu` binary: parse the command line and hand over to the library.

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
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("pizhu: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
