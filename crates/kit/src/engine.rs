//! The browser engines the end-to-end suite runs in. The xtask picks them (`--engines`)
//! and runs the suite once per engine with [`Engine::VARIABLE`] set; the suite reads it.

crate::closed_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Engine {
        Chromium = "chromium",
        Firefox = "firefox",
        WebKit = "webkit",
    }
}

impl Engine {
    /// The variable that names the engine of a run of the suite.
    pub const VARIABLE: &'static str = "MAX_E2E_BROWSER";

    /// The engine `value` of [`Engine::VARIABLE`] names (Chromium when unset), or why not.
    pub fn of_variable(value: Option<&str>) -> Result<Engine, String> {
        match value {
            None => Ok(Engine::Chromium),
            Some(name) => Engine::parse(name).ok_or_else(|| {
                format!("{}={name}: expected one of {}", Engine::VARIABLE, Engine::ALL.map(Engine::name).join(", "))
            }),
        }
    }

    /// `chromium,webkit` → those engines, in the order given, each once.
    pub fn parse_list(list: &str) -> Result<Vec<Engine>, String> {
        let mut engines = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let engine =
                Engine::parse(name).ok_or_else(|| format!("unknown engine `{name}` (chromium, firefox, webkit)"))?;
            if !engines.contains(&engine) {
                engines.push(engine);
            }
        }
        if engines.is_empty() {
            return Err("no engine named".into());
        }
        Ok(engines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_names_its_engine_and_a_list_names_each_once() {
        assert_eq!(Engine::of_variable(None), Ok(Engine::Chromium));
        assert_eq!(Engine::of_variable(Some("webkit")), Ok(Engine::WebKit));
        assert!(Engine::of_variable(Some("safari")).unwrap_err().contains("chromium, firefox, webkit"));
        assert_eq!(Engine::parse_list("webkit, chromium,webkit"), Ok(vec![Engine::WebKit, Engine::Chromium]));
        assert!(Engine::parse_list(" , ").is_err());
        assert!(Engine::parse_list("chromium,edge").unwrap_err().contains("edge"));
    }
}
