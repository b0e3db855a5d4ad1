//! Windows security descriptors as Active Directory uses them: SIDs, GUIDs,
//! ACEs, ACLs, self-relative binary form, SDDL, and the password-writeback
//! grant as data. Pure: no I/O, nothing else of the project.

pub mod access;
pub mod ace;
pub mod acl;
pub mod describe;
pub mod dn;
pub mod error;
pub mod filetime;
pub mod grant;
pub mod guid;
pub mod mask;
pub mod password;
pub mod replmeta;
pub mod sd;
pub mod sddl;
pub mod sid;

pub use ace::{Ace, AceBody, AceFlags, AceType};
pub use acl::Acl;
pub use error::{DecodeError, DecodeErrorKind, EncodeError};
pub use grant::{Diff, GrantState, WritebackGrant};
pub use guid::Guid;
pub use mask::AccessMask;
pub use sd::{Control, SecurityDescriptor};
pub use sid::Sid;
