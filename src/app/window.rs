//! The window: its font, icon and sizes, and opening it.

use iced::{Font, Task};

use super::{App, Message, Options};

/// The default font, embedded (Fira Sans), so screenshots match everywhere.
pub const FONT: Font = Font::with_name("Fira Sans");

/// The window icon (assets/icon/icon-64.png), decoded.
pub fn icon() -> Option<iced::window::Icon> {
    let bytes: &[u8] = include_bytes!("../../assets/icon/icon-64.png");
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut rgba).ok()?;
    if info.color_type != png::ColorType::Rgba || info.bit_depth != png::BitDepth::Eight {
        return None;
    }
    rgba.truncate(info.buffer_size());
    iced::window::icon::from_rgba(rgba, info.width, info.height).ok()
}

/// The window's size when the screen has room: the pages' width and
/// height as designed (and as the screenshots show them).
pub const SIZE: iced::Size = iced::Size::new(1120.0, 780.0);

/// The smallest window the pages are laid out for: the sidebar's step list
/// whole, no page cut sideways (1280×800 at 125% scaling leaves 1024×640
/// logical pixels, less the taskbar).
pub const MIN_SIZE: iced::Size = iced::Size::new(960.0, 560.0);

/// Room the system keeps around a window on the monitor (title bar,
/// taskbar), in logical pixels.
const SCREEN_MARGIN: iced::Size = iced::Size::new(32.0, 80.0);

/// The first size on a monitor of `monitor` logical pixels: [`SIZE`],
/// shrunk to what the monitor leaves free, never below [`MIN_SIZE`].
pub fn first_size(monitor: iced::Size) -> iced::Size {
    let free = iced::Size::new(
        monitor.width - SCREEN_MARGIN.width,
        monitor.height - SCREEN_MARGIN.height,
    );
    iced::Size::new(
        SIZE.width.min(free.width).max(MIN_SIZE.width),
        SIZE.height.min(free.height).max(MIN_SIZE.height),
    )
}

/// Fits the window to its monitor once it is open (the monitor is known
/// only then).
fn fit_window() -> Task<Message> {
    iced::window::oldest().and_then(|id| {
        iced::window::monitor_size(id).and_then(move |monitor| {
            let size = first_size(monitor);
            if size == SIZE {
                Task::none()
            } else {
                iced::window::resize(id, size)
            }
        })
    })
}

/// Opens the wizard window.
pub fn run(options: Options) -> iced::Result {
    let boot = move || {
        let (app, task) = App::new(options.clone());
        (app, Task::batch([task, fit_window()]))
    };
    iced::application(boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .default_font(FONT)
        .window(iced::window::Settings {
            size: SIZE,
            min_size: Some(MIN_SIZE),
            icon: icon(),
            ..iced::window::Settings::default()
        })
        .run()
}
