//! Keyboard focus for every control, which iced 0.14 gives text fields
//! only: [`Focus`] makes a button or check box take part in Tab's order
//! (drawn with a ring, pressed with Enter or Space), and [`Keys`] wraps the
//! window: Tab and Shift-Tab move the focus through the whole tree in
//! layout order, Enter nobody took goes on, Esc goes back.

// iced's `advanced` feature re-exports these from iced_core; the runtime
// crate (a dependency already) reaches them without another feature.
use iced::keyboard::{self, Key, key::Named};
use iced::{
    Background, Border, Color, Element, Event, Length, Rectangle, Renderer, Size, Theme, Vector,
};
use iced_runtime::core::layout::{self, Layout};
use iced_runtime::core::renderer::{self, Quad};
use iced_runtime::core::widget::operation::{self, Focusable, Operation, Outcome};
use iced_runtime::core::widget::{Tree, Widget, tree};
use iced_runtime::core::{Clipboard, Shell, mouse, overlay};

/// The focus ring's width and its distance from the control.
const RING: f32 = 2.0;
const GAP: f32 = 2.0;

#[derive(Debug, Default)]
struct State {
    focused: bool,
}

impl Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }

    fn focus(&mut self) {
        self.focused = true;
    }

    fn unfocus(&mut self) {
        self.focused = false;
    }
}

/// A control that Tab can reach: `content` as it is, a ring around it
/// while focused, and `on_press` sent by Enter or Space then. Without a
/// message (a disabled control) it is skipped.
pub struct Focus<'a, M> {
    content: Element<'a, M>,
    on_press: Option<M>,
}

/// Wraps `content` (a button, a check box) so the keyboard reaches it.
pub fn focus<'a, M: Clone + 'a>(
    content: impl Into<Element<'a, M>>,
    on_press: Option<M>,
) -> Element<'a, M> {
    Element::new(Focus {
        content: content.into(),
        on_press,
    })
}

impl<M: Clone> Widget<M, Theme, Renderer> for Focus<'_, M> {
    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
        if tree.state.downcast_ref::<State>().focused && self.on_press.is_some() {
            use iced_runtime::core::Renderer as _;
            let b = layout.bounds().expand(RING + GAP);
            renderer.fill_quad(
                Quad {
                    bounds: b,
                    border: Border {
                        color: ring(theme),
                        width: RING,
                        radius: 8.0.into(),
                    },
                    ..Quad::default()
                },
                Background::Color(Color::TRANSPARENT),
            );
        }
    }

    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        if self.on_press.is_some() {
            let state = tree.state.downcast_mut::<State>();
            operation.focusable(None, layout.bounds(), state);
        }
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        let state = tree.state.downcast_mut::<State>();
        match event {
            // A click anywhere moves the focus away, as a text field's.
            Event::Mouse(mouse::Event::ButtonPressed(_)) if state.focused => {
                state.focused = false;
                shell.request_redraw();
            }
            Event::Keyboard(keyboard::Event::KeyPressed { key, .. })
                if state.focused && !shell.is_event_captured() =>
            {
                if matches!(key, Key::Named(Named::Enter | Named::Space))
                    && let Some(m) = &self.on_press
                {
                    shell.publish(m.clone());
                    shell.capture_event();
                }
            }
            _ => {}
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

/// The ring's colour: the accent, which stands out from the window and
/// the cards (3:1 at least, as WCAG asks of a focus indicator).
pub fn ring(theme: &Theme) -> Color {
    theme.extended_palette().primary.base.color
}

/// The window's keys, for everything inside `content`: Tab and Shift-Tab
/// move the focus, Enter that no control took sends `enter`, Esc sends
/// `escape`.
pub struct Keys<'a, M> {
    content: Element<'a, M>,
    enter: Option<M>,
    escape: Option<M>,
}

/// Wraps the window's content in [`Keys`].
pub fn keys<'a, M: Clone + 'a>(
    content: impl Into<Element<'a, M>>,
    enter: Option<M>,
    escape: Option<M>,
) -> Element<'a, M> {
    Element::new(Keys {
        content: content.into(),
        enter,
        escape,
    })
}

/// Runs `operation` (and what it chains to) over `content`.
fn run<M>(
    content: &mut Element<'_, M>,
    tree: &mut Tree,
    layout: Layout<'_>,
    renderer: &Renderer,
    mut operation: Box<dyn Operation>,
) {
    loop {
        content
            .as_widget_mut()
            .operate(tree, layout, renderer, operation.as_mut());
        match operation.finish() {
            Outcome::Chain(next) => operation = next,
            Outcome::None | Outcome::Some(()) => break,
        }
    }
}

impl<M: Clone> Widget<M, Theme, Renderer> for Keys<'_, M> {
    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        if shell.is_event_captured() {
            return;
        }
        let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event else {
            return;
        };
        match key {
            Key::Named(Named::Tab) => {
                let operation: Box<dyn Operation> = if modifiers.shift() {
                    Box::new(operation::focusable::focus_previous())
                } else {
                    Box::new(operation::focusable::focus_next())
                };
                run(
                    &mut self.content,
                    &mut tree.children[0],
                    layout,
                    renderer,
                    operation,
                );
                shell.capture_event();
                shell.request_redraw();
            }
            Key::Named(Named::Enter) => {
                if let Some(m) = &self.enter {
                    shell.publish(m.clone());
                    shell.capture_event();
                }
            }
            Key::Named(Named::Escape) => {
                if let Some(m) = &self.escape {
                    shell.publish(m.clone());
                    shell.capture_event();
                }
            }
            _ => {}
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}
