//! The yardstick for groupfit's start-up and keystroke latency: the barest ratatui program that
//! shows a list of five options (Up/Down move, Enter or q leaves). Measured side by side with
//! groupfit by the team's `ttfr.py --suite benches/ttfr.toml`; see docs/PERFORMANCE.md.

use ratatui::crossterm::event::{self, KeyCode};
use ratatui::widgets::{List, ListState};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let options = ["Apple", "Banana", "Cherry", "Damson", "Elderberry"];
    let mut state = ListState::default().with_selected(Some(0));
    let result = loop {
        if let Err(e) = terminal.draw(|frame| {
            let list = List::new(options).highlight_symbol("› ");
            frame.render_stateful_widget(list, frame.area(), &mut state);
        }) {
            break Err(e);
        }
        match event::read() {
            Ok(event) => match event.as_key_press_event().map(|key| key.code) {
                Some(KeyCode::Down) => state.select_next(),
                Some(KeyCode::Up) => state.select_previous(),
                Some(KeyCode::Enter | KeyCode::Char('q')) => break Ok(()),
                _ => {}
            },
            Err(e) => break Err(e),
        }
    };
    ratatui::restore();
    result
}
