//! The baseline for `benches/startup.sh`: an empty iced window built with
//! the same features, renderer, font and size as the wizard.

fn update(_: &mut (), _: ()) {}

fn view(_: &()) -> iced::Element<'_, ()> {
    iced::widget::text("").into()
}

fn main() -> iced::Result {
    iced::application(|| (), update, view)
        .title("baseline-window")
        .default_font(iced::Font::with_name("Fira Sans"))
        .window_size((1120.0, 780.0))
        .run()
}
