//! Styles, in one place. With `NO_COLOR` set the same meaning is carried by reverse video, bold
//! and the text itself (markers, words), never by colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::questionnaire::Flag;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

// Every style is a method, even those that need no colour, so call sites read the same.
#[allow(clippy::unused_self)]
impl Theme {
    fn tint(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    #[must_use]
    pub fn title(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    #[must_use]
    pub fn prompt(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::Gray)
        } else {
            Style::new()
        }
    }

    /// The highlighted option or item: reverse video always, a colour when allowed.
    #[must_use]
    pub fn selected(self) -> Style {
        let style = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        if self.color {
            style.fg(Color::Cyan)
        } else {
            style
        }
    }

    #[must_use]
    pub fn warning(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    #[must_use]
    pub fn flag(self, flag: Flag) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match flag {
            Flag::Red => self.tint(bold, Color::Red),
            Flag::Amber => self.tint(bold, Color::Yellow),
            Flag::Prep => self.tint(Style::new(), Color::Blue),
        }
    }

    #[must_use]
    pub fn crisis(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::LightRed)
    }

    #[must_use]
    pub fn band(self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new()
        }
    }

    #[must_use]
    pub fn hint(self) -> Style {
        self.tint(Style::new(), Color::DarkGray)
    }
}
