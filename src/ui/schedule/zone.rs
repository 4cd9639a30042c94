//! The schedule's zone read by the browser: `Intl.DateTimeFormat` with `timeZone` tells
//! the zone's wall clock at any instant, daylight saving included, so no zone database is
//! shipped. Constructed through `Reflect` so an unknown zone's `RangeError` is caught.

use js_sys::{Array, Intl, Object, Reflect};
use max_channel_contract::time::Date;
use wasm_bindgen::{JsCast, JsValue};

/// A zone's clock.
pub struct ZoneClock {
    format: Intl::DateTimeFormat,
    /// The offset read when the clock was made: the answer should a later read fail.
    usual: i32,
}

fn field(part: &JsValue, name: &str) -> Option<String> {
    Reflect::get(part, &JsValue::from_str(name)).ok()?.as_string()
}

impl ZoneClock {
    /// `None` when the browser does not know the zone.
    pub fn new(zone: &str, now: i64) -> Option<ZoneClock> {
        let options = Object::new();
        let numeric = ["year", "month", "day", "hour", "minute", "second"].map(|key| (key, "numeric"));
        for (key, value) in [("timeZone", zone), ("hourCycle", "h23")].into_iter().chain(numeric) {
            Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
        }
        let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
        let constructor: js_sys::Function =
            Reflect::get(&intl, &JsValue::from_str("DateTimeFormat")).ok()?.dyn_into().ok()?;
        let arguments = Array::of2(&JsValue::from_str("en-US"), &options);
        let format = Reflect::construct(&constructor, &arguments).ok()?.dyn_into().ok()?;
        let mut clock = ZoneClock { format, usual: 0 };
        clock.usual = clock.read_offset(now)?;
        Some(clock)
    }

    /// The zone's offset east of UTC at an instant, in minutes.
    pub fn offset_at(&self, unix: i64) -> i32 {
        self.read_offset(unix).unwrap_or(self.usual)
    }

    fn read_offset(&self, unix: i64) -> Option<i32> {
        let date = js_sys::Date::new(&JsValue::from_f64(unix as f64 * 1000.0));
        let mut wall = [0i64; 6];
        for part in self.format.format_to_parts(&date).iter() {
            let slot = match field(&part, "type")?.as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                "second" => 5,
                _ => continue,
            };
            wall[slot] = field(&part, "value")?.parse().ok()?;
        }
        let [year, month, day, hour, minute, second] = wall;
        let date = Date::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?;
        // Some engines say 24 for midnight even with h23.
        let local = date.days_since_epoch() * 86_400 + (hour % 24) * 3600 + minute * 60 + second;
        i32::try_from((local - unix).div_euclid(60)).ok()
    }
}
