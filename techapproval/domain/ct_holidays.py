"""Connecticut state holidays, observed days included, written out for the years around today: what
`holidays.country_holidays("US", subdiv="CT")` gives, so that a start that counts the overdue deadlines does
not import that library (it imports every country it knows: most of a second). calendar.py asks the library
for years outside these. tests/domain/test_calendar.py checks every year against the library; when it fails
(a new version of the library, or a new holiday in law), write this file again:

    uv run python -m techapproval.domain.ct_holidays
"""

from __future__ import annotations

from datetime import date
from functools import cache

FIRST_YEAR = 2000
LAST_YEAR = 2060

WRITTEN = """\
2000-01-01 New Year's Day
2000-01-17 Martin Luther King Jr. Day
2000-02-11 Lincoln's Birthday (observed)
2000-02-12 Lincoln's Birthday
2000-02-21 Washington's Birthday
2000-04-21 Good Friday
2000-05-29 Memorial Day
2000-07-04 Independence Day
2000-09-04 Labor Day
2000-10-09 Columbus Day
2000-11-10 Veterans Day (observed)
2000-11-11 Veterans Day
2000-11-23 Thanksgiving Day
2000-12-25 Christmas Day
2001-01-01 New Year's Day
2001-01-15 Martin Luther King Jr. Day
2001-02-12 Lincoln's Birthday
2001-02-19 Washington's Birthday
2001-04-13 Good Friday
2001-05-28 Memorial Day
2001-07-04 Independence Day
2001-09-03 Labor Day
2001-10-08 Columbus Day
2001-11-11 Veterans Day
2001-11-12 Veterans Day (observed)
2001-11-22 Thanksgiving Day
2001-12-25 Christmas Day
2002-01-01 New Year's Day
2002-01-21 Martin Luther King Jr. Day
2002-02-12 Lincoln's Birthday
2002-02-18 Washington's Birthday
2002-03-29 Good Friday
2002-05-27 Memorial Day
2002-07-04 Independence Day
2002-09-02 Labor Day
2002-10-14 Columbus Day
2002-11-11 Veterans Day
2002-11-28 Thanksgiving Day
2002-12-25 Christmas Day
2003-01-01 New Year's Day
2003-01-20 Martin Luther King Jr. Day
2003-02-12 Lincoln's Birthday
2003-02-17 Washington's Birthday
2003-04-18 Good Friday
2003-05-26 Memorial Day
2003-07-04 Independence Day
2003-09-01 Labor Day
2003-10-13 Columbus Day
2003-11-11 Veterans Day
2003-11-27 Thanksgiving Day
2003-12-25 Christmas Day
2004-01-01 New Year's Day
2004-01-19 Martin Luther King Jr. Day
2004-02-12 Lincoln's Birthday
2004-02-16 Washington's Birthday
2004-04-09 Good Friday
2004-05-31 Memorial Day
2004-07-04 Independence Day
2004-07-05 Independence Day (observed)
2004-09-06 Labor Day
2004-10-11 Columbus Day
2004-11-11 Veterans Day
2004-11-25 Thanksgiving Day
2004-12-24 Christmas Day (observed)
2004-12-25 Christmas Day
2004-12-31 New Year's Day (observed)
2005-01-01 New Year's Day
2005-01-17 Martin Luther King Jr. Day
2005-02-11 Lincoln's Birthday (observed)
2005-02-12 Lincoln's Birthday
2005-02-21 Washington's Birthday
2005-03-25 Good Friday
2005-05-30 Memorial Day
2005-07-04 Independence Day
2005-09-05 Labor Day
2005-10-10 Columbus Day
2005-11-11 Veterans Day
2005-11-24 Thanksgiving Day
2005-12-25 Christmas Day
2005-12-26 Christmas Day (observed)
2006-01-01 New Year's Day
2006-01-02 New Year's Day (observed)
2006-01-16 Martin Luther King Jr. Day
2006-02-12 Lincoln's Birthday
2006-02-13 Lincoln's Birthday (observed)
2006-02-20 Washington's Birthday
2006-04-14 Good Friday
2006-05-29 Memorial Day
2006-07-04 Independence Day
2006-09-04 Labor Day
2006-10-09 Columbus Day
2006-11-10 Veterans Day (observed)
2006-11-11 Veterans Day
2006-11-23 Thanksgiving Day
2006-12-25 Christmas Day
2007-01-01 New Year's Day
2007-01-15 Martin Luther King Jr. Day
2007-02-12 Lincoln's Birthday
2007-02-19 Washington's Birthday
2007-04-06 Good Friday
2007-05-28 Memorial Day
2007-07-04 Independence Day
2007-09-03 Labor Day
2007-10-08 Columbus Day
2007-11-11 Veterans Day
2007-11-12 Veterans Day (observed)
2007-11-22 Thanksgiving Day
2007-12-25 Christmas Day
2008-01-01 New Year's Day
2008-01-21 Martin Luther King Jr. Day
2008-02-12 Lincoln's Birthday
2008-02-18 Washington's Birthday
2008-03-21 Good Friday
2008-05-26 Memorial Day
2008-07-04 Independence Day
2008-09-01 Labor Day
2008-10-13 Columbus Day
2008-11-11 Veterans Day
2008-11-27 Thanksgiving Day
2008-12-25 Christmas Day
2009-01-01 New Year's Day
2009-01-19 Martin Luther King Jr. Day
2009-02-12 Lincoln's Birthday
2009-02-16 Washington's Birthday
2009-04-10 Good Friday
2009-05-25 Memorial Day
2009-07-03 Independence Day (observed)
2009-07-04 Independence Day
2009-09-07 Labor Day
2009-10-12 Columbus Day
2009-11-11 Veterans Day
2009-11-26 Thanksgiving Day
2009-12-25 Christmas Day
2010-01-01 New Year's Day
2010-01-18 Martin Luther King Jr. Day
2010-02-12 Lincoln's Birthday
2010-02-15 Washington's Birthday
2010-04-02 Good Friday
2010-05-31 Memorial Day
2010-07-04 Independence Day
2010-07-05 Independence Day (observed)
2010-09-06 Labor Day
2010-10-11 Columbus Day
2010-11-11 Veterans Day
2010-11-25 Thanksgiving Day
2010-12-24 Christmas Day (observed)
2010-12-25 Christmas Day
2010-12-31 New Year's Day (observed)
2011-01-01 New Year's Day
2011-01-17 Martin Luther King Jr. Day
2011-02-11 Lincoln's Birthday (observed)
2011-02-12 Lincoln's Birthday
2011-02-21 Washington's Birthday
2011-04-22 Good Friday
2011-05-30 Memorial Day
2011-07-04 Independence Day
2011-09-05 Labor Day
2011-10-10 Columbus Day
2011-11-11 Veterans Day
2011-11-24 Thanksgiving Day
2011-12-25 Christmas Day
2011-12-26 Christmas Day (observed)
2012-01-01 New Year's Day
2012-01-02 New Year's Day (observed)
2012-01-16 Martin Luther King Jr. Day
2012-02-12 Lincoln's Birthday
2012-02-13 Lincoln's Birthday (observed)
2012-02-20 Washington's Birthday
2012-04-06 Good Friday
2012-05-28 Memorial Day
2012-07-04 Independence Day
2012-09-03 Labor Day
2012-10-08 Columbus Day
2012-11-11 Veterans Day
2012-11-12 Veterans Day (observed)
2012-11-22 Thanksgiving Day
2012-12-25 Christmas Day
2013-01-01 New Year's Day
2013-01-21 Martin Luther King Jr. Day
2013-02-12 Lincoln's Birthday
2013-02-18 Washington's Birthday
2013-03-29 Good Friday
2013-05-27 Memorial Day
2013-07-04 Independence Day
2013-09-02 Labor Day
2013-10-14 Columbus Day
2013-11-11 Veterans Day
2013-11-28 Thanksgiving Day
2013-12-25 Christmas Day
2014-01-01 New Year's Day
2014-01-20 Martin Luther King Jr. Day
2014-02-12 Lincoln's Birthday
2014-02-17 Washington's Birthday
2014-04-18 Good Friday
2014-05-26 Memorial Day
2014-07-04 Independence Day
2014-09-01 Labor Day
2014-10-13 Columbus Day
2014-11-11 Veterans Day
2014-11-27 Thanksgiving Day
2014-12-25 Christmas Day
2015-01-01 New Year's Day
2015-01-19 Martin Luther King Jr. Day
2015-02-12 Lincoln's Birthday
2015-02-16 Washington's Birthday
2015-04-03 Good Friday
2015-05-25 Memorial Day
2015-07-03 Independence Day (observed)
2015-07-04 Independence Day
2015-09-07 Labor Day
2015-10-12 Columbus Day
2015-11-11 Veterans Day
2015-11-26 Thanksgiving Day
2015-12-25 Christmas Day
2016-01-01 New Year's Day
2016-01-18 Martin Luther King Jr. Day
2016-02-12 Lincoln's Birthday
2016-02-15 Washington's Birthday
2016-03-25 Good Friday
2016-05-30 Memorial Day
2016-07-04 Independence Day
2016-09-05 Labor Day
2016-10-10 Columbus Day
2016-11-11 Veterans Day
2016-11-24 Thanksgiving Day
2016-12-25 Christmas Day
2016-12-26 Christmas Day (observed)
2017-01-01 New Year's Day
2017-01-02 New Year's Day (observed)
2017-01-16 Martin Luther King Jr. Day
2017-02-12 Lincoln's Birthday
2017-02-13 Lincoln's Birthday (observed)
2017-02-20 Washington's Birthday
2017-04-14 Good Friday
2017-05-29 Memorial Day
2017-07-04 Independence Day
2017-09-04 Labor Day
2017-10-09 Columbus Day
2017-11-10 Veterans Day (observed)
2017-11-11 Veterans Day
2017-11-23 Thanksgiving Day
2017-12-25 Christmas Day
2018-01-01 New Year's Day
2018-01-15 Martin Luther King Jr. Day
2018-02-12 Lincoln's Birthday
2018-02-19 Washington's Birthday
2018-03-30 Good Friday
2018-05-28 Memorial Day
2018-07-04 Independence Day
2018-09-03 Labor Day
2018-10-08 Columbus Day
2018-11-11 Veterans Day
2018-11-12 Veterans Day (observed)
2018-11-22 Thanksgiving Day
2018-12-25 Christmas Day
2019-01-01 New Year's Day
2019-01-21 Martin Luther King Jr. Day
2019-02-12 Lincoln's Birthday
2019-02-18 Washington's Birthday
2019-04-19 Good Friday
2019-05-27 Memorial Day
2019-07-04 Independence Day
2019-09-02 Labor Day
2019-10-14 Columbus Day
2019-11-11 Veterans Day
2019-11-28 Thanksgiving Day
2019-12-25 Christmas Day
2020-01-01 New Year's Day
2020-01-20 Martin Luther King Jr. Day
2020-02-12 Lincoln's Birthday
2020-02-17 Washington's Birthday
2020-04-10 Good Friday
2020-05-25 Memorial Day
2020-07-03 Independence Day (observed)
2020-07-04 Independence Day
2020-09-07 Labor Day
2020-10-12 Columbus Day
2020-11-11 Veterans Day
2020-11-26 Thanksgiving Day
2020-12-25 Christmas Day
2021-01-01 New Year's Day
2021-01-18 Martin Luther King Jr. Day
2021-02-12 Lincoln's Birthday
2021-02-15 Washington's Birthday
2021-04-02 Good Friday
2021-05-31 Memorial Day
2021-06-18 Juneteenth National Independence Day (observed)
2021-06-19 Juneteenth National Independence Day
2021-07-04 Independence Day
2021-07-05 Independence Day (observed)
2021-09-06 Labor Day
2021-10-11 Columbus Day
2021-11-11 Veterans Day
2021-11-25 Thanksgiving Day
2021-12-24 Christmas Day (observed)
2021-12-25 Christmas Day
2021-12-31 New Year's Day (observed)
2022-01-01 New Year's Day
2022-01-17 Martin Luther King Jr. Day
2022-02-11 Lincoln's Birthday (observed)
2022-02-12 Lincoln's Birthday
2022-02-21 Washington's Birthday
2022-04-15 Good Friday
2022-05-30 Memorial Day
2022-06-19 Juneteenth National Independence Day
2022-06-20 Juneteenth National Independence Day (observed)
2022-07-04 Independence Day
2022-09-05 Labor Day
2022-10-10 Columbus Day
2022-11-11 Veterans Day
2022-11-24 Thanksgiving Day
2022-12-25 Christmas Day
2022-12-26 Christmas Day (observed)
2023-01-01 New Year's Day
2023-01-02 New Year's Day (observed)
2023-01-16 Martin Luther King Jr. Day
2023-02-12 Lincoln's Birthday
2023-02-13 Lincoln's Birthday (observed)
2023-02-20 Washington's Birthday
2023-04-07 Good Friday
2023-05-29 Memorial Day
2023-06-19 Juneteenth National Independence Day
2023-07-04 Independence Day
2023-09-04 Labor Day
2023-10-09 Columbus Day
2023-11-10 Veterans Day (observed)
2023-11-11 Veterans Day
2023-11-23 Thanksgiving Day
2023-12-25 Christmas Day
2024-01-01 New Year's Day
2024-01-15 Martin Luther King Jr. Day
2024-02-12 Lincoln's Birthday
2024-02-19 Washington's Birthday
2024-03-29 Good Friday
2024-05-27 Memorial Day
2024-06-19 Juneteenth National Independence Day
2024-07-04 Independence Day
2024-09-02 Labor Day
2024-10-14 Columbus Day
2024-11-11 Veterans Day
2024-11-28 Thanksgiving Day
2024-12-25 Christmas Day
2025-01-01 New Year's Day
2025-01-20 Martin Luther King Jr. Day
2025-02-12 Lincoln's Birthday
2025-02-17 Washington's Birthday
2025-04-18 Good Friday
2025-05-26 Memorial Day
2025-06-19 Juneteenth National Independence Day
2025-07-04 Independence Day
2025-09-01 Labor Day
2025-10-13 Columbus Day
2025-11-11 Veterans Day
2025-11-27 Thanksgiving Day
2025-12-25 Christmas Day
2026-01-01 New Year's Day
2026-01-19 Martin Luther King Jr. Day
2026-02-12 Lincoln's Birthday
2026-02-16 Washington's Birthday
2026-04-03 Good Friday
2026-05-25 Memorial Day
2026-06-19 Juneteenth National Independence Day
2026-07-03 Independence Day (observed)
2026-07-04 Independence Day
2026-09-07 Labor Day
2026-10-12 Columbus Day
2026-11-11 Veterans Day
2026-11-26 Thanksgiving Day
2026-12-25 Christmas Day
2027-01-01 New Year's Day
2027-01-18 Martin Luther King Jr. Day
2027-02-12 Lincoln's Birthday
2027-02-15 Washington's Birthday
2027-03-26 Good Friday
2027-05-31 Memorial Day
2027-06-18 Juneteenth National Independence Day (observed)
2027-06-19 Juneteenth National Independence Day
2027-07-04 Independence Day
2027-07-05 Independence Day (observed)
2027-09-06 Labor Day
2027-10-11 Columbus Day
2027-11-11 Veterans Day
2027-11-25 Thanksgiving Day
2027-12-24 Christmas Day (observed)
2027-12-25 Christmas Day
2027-12-31 New Year's Day (observed)
2028-01-01 New Year's Day
2028-01-17 Martin Luther King Jr. Day
2028-02-11 Lincoln's Birthday (observed)
2028-02-12 Lincoln's Birthday
2028-02-21 Washington's Birthday
2028-04-14 Good Friday
2028-05-29 Memorial Day
2028-06-19 Juneteenth National Independence Day
2028-07-04 Independence Day
2028-09-04 Labor Day
2028-10-09 Columbus Day
2028-11-10 Veterans Day (observed)
2028-11-11 Veterans Day
2028-11-23 Thanksgiving Day
2028-12-25 Christmas Day
2029-01-01 New Year's Day
2029-01-15 Martin Luther King Jr. Day
2029-02-12 Lincoln's Birthday
2029-02-19 Washington's Birthday
2029-03-30 Good Friday
2029-05-28 Memorial Day
2029-06-19 Juneteenth National Independence Day
2029-07-04 Independence Day
2029-09-03 Labor Day
2029-10-08 Columbus Day
2029-11-11 Veterans Day
2029-11-12 Veterans Day (observed)
2029-11-22 Thanksgiving Day
2029-12-25 Christmas Day
2030-01-01 New Year's Day
2030-01-21 Martin Luther King Jr. Day
2030-02-12 Lincoln's Birthday
2030-02-18 Washington's Birthday
2030-04-19 Good Friday
2030-05-27 Memorial Day
2030-06-19 Juneteenth National Independence Day
2030-07-04 Independence Day
2030-09-02 Labor Day
2030-10-14 Columbus Day
2030-11-11 Veterans Day
2030-11-28 Thanksgiving Day
2030-12-25 Christmas Day
2031-01-01 New Year's Day
2031-01-20 Martin Luther King Jr. Day
2031-02-12 Lincoln's Birthday
2031-02-17 Washington's Birthday
2031-04-11 Good Friday
2031-05-26 Memorial Day
2031-06-19 Juneteenth National Independence Day
2031-07-04 Independence Day
2031-09-01 Labor Day
2031-10-13 Columbus Day
2031-11-11 Veterans Day
2031-11-27 Thanksgiving Day
2031-12-25 Christmas Day
2032-01-01 New Year's Day
2032-01-19 Martin Luther King Jr. Day
2032-02-12 Lincoln's Birthday
2032-02-16 Washington's Birthday
2032-03-26 Good Friday
2032-05-31 Memorial Day
2032-06-18 Juneteenth National Independence Day (observed)
2032-06-19 Juneteenth National Independence Day
2032-07-04 Independence Day
2032-07-05 Independence Day (observed)
2032-09-06 Labor Day
2032-10-11 Columbus Day
2032-11-11 Veterans Day
2032-11-25 Thanksgiving Day
2032-12-24 Christmas Day (observed)
2032-12-25 Christmas Day
2032-12-31 New Year's Day (observed)
2033-01-01 New Year's Day
2033-01-17 Martin Luther King Jr. Day
2033-02-11 Lincoln's Birthday (observed)
2033-02-12 Lincoln's Birthday
2033-02-21 Washington's Birthday
2033-04-15 Good Friday
2033-05-30 Memorial Day
2033-06-19 Juneteenth National Independence Day
2033-06-20 Juneteenth National Independence Day (observed)
2033-07-04 Independence Day
2033-09-05 Labor Day
2033-10-10 Columbus Day
2033-11-11 Veterans Day
2033-11-24 Thanksgiving Day
2033-12-25 Christmas Day
2033-12-26 Christmas Day (observed)
2034-01-01 New Year's Day
2034-01-02 New Year's Day (observed)
2034-01-16 Martin Luther King Jr. Day
2034-02-12 Lincoln's Birthday
2034-02-13 Lincoln's Birthday (observed)
2034-02-20 Washington's Birthday
2034-04-07 Good Friday
2034-05-29 Memorial Day
2034-06-19 Juneteenth National Independence Day
2034-07-04 Independence Day
2034-09-04 Labor Day
2034-10-09 Columbus Day
2034-11-10 Veterans Day (observed)
2034-11-11 Veterans Day
2034-11-23 Thanksgiving Day
2034-12-25 Christmas Day
2035-01-01 New Year's Day
2035-01-15 Martin Luther King Jr. Day
2035-02-12 Lincoln's Birthday
2035-02-19 Washington's Birthday
2035-03-23 Good Friday
2035-05-28 Memorial Day
2035-06-19 Juneteenth National Independence Day
2035-07-04 Independence Day
2035-09-03 Labor Day
2035-10-08 Columbus Day
2035-11-11 Veterans Day
2035-11-12 Veterans Day (observed)
2035-11-22 Thanksgiving Day
2035-12-25 Christmas Day
2036-01-01 New Year's Day
2036-01-21 Martin Luther King Jr. Day
2036-02-12 Lincoln's Birthday
2036-02-18 Washington's Birthday
2036-04-11 Good Friday
2036-05-26 Memorial Day
2036-06-19 Juneteenth National Independence Day
2036-07-04 Independence Day
2036-09-01 Labor Day
2036-10-13 Columbus Day
2036-11-11 Veterans Day
2036-11-27 Thanksgiving Day
2036-12-25 Christmas Day
2037-01-01 New Year's Day
2037-01-19 Martin Luther King Jr. Day
2037-02-12 Lincoln's Birthday
2037-02-16 Washington's Birthday
2037-04-03 Good Friday
2037-05-25 Memorial Day
2037-06-19 Juneteenth National Independence Day
2037-07-03 Independence Day (observed)
2037-07-04 Independence Day
2037-09-07 Labor Day
2037-10-12 Columbus Day
2037-11-11 Veterans Day
2037-11-26 Thanksgiving Day
2037-12-25 Christmas Day
2038-01-01 New Year's Day
2038-01-18 Martin Luther King Jr. Day
2038-02-12 Lincoln's Birthday
2038-02-15 Washington's Birthday
2038-04-23 Good Friday
2038-05-31 Memorial Day
2038-06-18 Juneteenth National Independence Day (observed)
2038-06-19 Juneteenth National Independence Day
2038-07-04 Independence Day
2038-07-05 Independence Day (observed)
2038-09-06 Labor Day
2038-10-11 Columbus Day
2038-11-11 Veterans Day
2038-11-25 Thanksgiving Day
2038-12-24 Christmas Day (observed)
2038-12-25 Christmas Day
2038-12-31 New Year's Day (observed)
2039-01-01 New Year's Day
2039-01-17 Martin Luther King Jr. Day
2039-02-11 Lincoln's Birthday (observed)
2039-02-12 Lincoln's Birthday
2039-02-21 Washington's Birthday
2039-04-08 Good Friday
2039-05-30 Memorial Day
2039-06-19 Juneteenth National Independence Day
2039-06-20 Juneteenth National Independence Day (observed)
2039-07-04 Independence Day
2039-09-05 Labor Day
2039-10-10 Columbus Day
2039-11-11 Veterans Day
2039-11-24 Thanksgiving Day
2039-12-25 Christmas Day
2039-12-26 Christmas Day (observed)
2040-01-01 New Year's Day
2040-01-02 New Year's Day (observed)
2040-01-16 Martin Luther King Jr. Day
2040-02-12 Lincoln's Birthday
2040-02-13 Lincoln's Birthday (observed)
2040-02-20 Washington's Birthday
2040-03-30 Good Friday
2040-05-28 Memorial Day
2040-06-19 Juneteenth National Independence Day
2040-07-04 Independence Day
2040-09-03 Labor Day
2040-10-08 Columbus Day
2040-11-11 Veterans Day
2040-11-12 Veterans Day (observed)
2040-11-22 Thanksgiving Day
2040-12-25 Christmas Day
2041-01-01 New Year's Day
2041-01-21 Martin Luther King Jr. Day
2041-02-12 Lincoln's Birthday
2041-02-18 Washington's Birthday
2041-04-19 Good Friday
2041-05-27 Memorial Day
2041-06-19 Juneteenth National Independence Day
2041-07-04 Independence Day
2041-09-02 Labor Day
2041-10-14 Columbus Day
2041-11-11 Veterans Day
2041-11-28 Thanksgiving Day
2041-12-25 Christmas Day
2042-01-01 New Year's Day
2042-01-20 Martin Luther King Jr. Day
2042-02-12 Lincoln's Birthday
2042-02-17 Washington's Birthday
2042-04-04 Good Friday
2042-05-26 Memorial Day
2042-06-19 Juneteenth National Independence Day
2042-07-04 Independence Day
2042-09-01 Labor Day
2042-10-13 Columbus Day
2042-11-11 Veterans Day
2042-11-27 Thanksgiving Day
2042-12-25 Christmas Day
2043-01-01 New Year's Day
2043-01-19 Martin Luther King Jr. Day
2043-02-12 Lincoln's Birthday
2043-02-16 Washington's Birthday
2043-03-27 Good Friday
2043-05-25 Memorial Day
2043-06-19 Juneteenth National Independence Day
2043-07-03 Independence Day (observed)
2043-07-04 Independence Day
2043-09-07 Labor Day
2043-10-12 Columbus Day
2043-11-11 Veterans Day
2043-11-26 Thanksgiving Day
2043-12-25 Christmas Day
2044-01-01 New Year's Day
2044-01-18 Martin Luther King Jr. Day
2044-02-12 Lincoln's Birthday
2044-02-15 Washington's Birthday
2044-04-15 Good Friday
2044-05-30 Memorial Day
2044-06-19 Juneteenth National Independence Day
2044-06-20 Juneteenth National Independence Day (observed)
2044-07-04 Independence Day
2044-09-05 Labor Day
2044-10-10 Columbus Day
2044-11-11 Veterans Day
2044-11-24 Thanksgiving Day
2044-12-25 Christmas Day
2044-12-26 Christmas Day (observed)
2045-01-01 New Year's Day
2045-01-02 New Year's Day (observed)
2045-01-16 Martin Luther King Jr. Day
2045-02-12 Lincoln's Birthday
2045-02-13 Lincoln's Birthday (observed)
2045-02-20 Washington's Birthday
2045-04-07 Good Friday
2045-05-29 Memorial Day
2045-06-19 Juneteenth National Independence Day
2045-07-04 Independence Day
2045-09-04 Labor Day
2045-10-09 Columbus Day
2045-11-10 Veterans Day (observed)
2045-11-11 Veterans Day
2045-11-23 Thanksgiving Day
2045-12-25 Christmas Day
2046-01-01 New Year's Day
2046-01-15 Martin Luther King Jr. Day
2046-02-12 Lincoln's Birthday
2046-02-19 Washington's Birthday
2046-03-23 Good Friday
2046-05-28 Memorial Day
2046-06-19 Juneteenth National Independence Day
2046-07-04 Independence Day
2046-09-03 Labor Day
2046-10-08 Columbus Day
2046-11-11 Veterans Day
2046-11-12 Veterans Day (observed)
2046-11-22 Thanksgiving Day
2046-12-25 Christmas Day
2047-01-01 New Year's Day
2047-01-21 Martin Luther King Jr. Day
2047-02-12 Lincoln's Birthday
2047-02-18 Washington's Birthday
2047-04-12 Good Friday
2047-05-27 Memorial Day
2047-06-19 Juneteenth National Independence Day
2047-07-04 Independence Day
2047-09-02 Labor Day
2047-10-14 Columbus Day
2047-11-11 Veterans Day
2047-11-28 Thanksgiving Day
2047-12-25 Christmas Day
2048-01-01 New Year's Day
2048-01-20 Martin Luther King Jr. Day
2048-02-12 Lincoln's Birthday
2048-02-17 Washington's Birthday
2048-04-03 Good Friday
2048-05-25 Memorial Day
2048-06-19 Juneteenth National Independence Day
2048-07-03 Independence Day (observed)
2048-07-04 Independence Day
2048-09-07 Labor Day
2048-10-12 Columbus Day
2048-11-11 Veterans Day
2048-11-26 Thanksgiving Day
2048-12-25 Christmas Day
2049-01-01 New Year's Day
2049-01-18 Martin Luther King Jr. Day
2049-02-12 Lincoln's Birthday
2049-02-15 Washington's Birthday
2049-04-16 Good Friday
2049-05-31 Memorial Day
2049-06-18 Juneteenth National Independence Day (observed)
2049-06-19 Juneteenth National Independence Day
2049-07-04 Independence Day
2049-07-05 Independence Day (observed)
2049-09-06 Labor Day
2049-10-11 Columbus Day
2049-11-11 Veterans Day
2049-11-25 Thanksgiving Day
2049-12-24 Christmas Day (observed)
2049-12-25 Christmas Day
2049-12-31 New Year's Day (observed)
2050-01-01 New Year's Day
2050-01-17 Martin Luther King Jr. Day
2050-02-11 Lincoln's Birthday (observed)
2050-02-12 Lincoln's Birthday
2050-02-21 Washington's Birthday
2050-04-08 Good Friday
2050-05-30 Memorial Day
2050-06-19 Juneteenth National Independence Day
2050-06-20 Juneteenth National Independence Day (observed)
2050-07-04 Independence Day
2050-09-05 Labor Day
2050-10-10 Columbus Day
2050-11-11 Veterans Day
2050-11-24 Thanksgiving Day
2050-12-25 Christmas Day
2050-12-26 Christmas Day (observed)
2051-01-01 New Year's Day
2051-01-02 New Year's Day (observed)
2051-01-16 Martin Luther King Jr. Day
2051-02-12 Lincoln's Birthday
2051-02-13 Lincoln's Birthday (observed)
2051-02-20 Washington's Birthday
2051-03-31 Good Friday
2051-05-29 Memorial Day
2051-06-19 Juneteenth National Independence Day
2051-07-04 Independence Day
2051-09-04 Labor Day
2051-10-09 Columbus Day
2051-11-10 Veterans Day (observed)
2051-11-11 Veterans Day
2051-11-23 Thanksgiving Day
2051-12-25 Christmas Day
2052-01-01 New Year's Day
2052-01-15 Martin Luther King Jr. Day
2052-02-12 Lincoln's Birthday
2052-02-19 Washington's Birthday
2052-04-19 Good Friday
2052-05-27 Memorial Day
2052-06-19 Juneteenth National Independence Day
2052-07-04 Independence Day
2052-09-02 Labor Day
2052-10-14 Columbus Day
2052-11-11 Veterans Day
2052-11-28 Thanksgiving Day
2052-12-25 Christmas Day
2053-01-01 New Year's Day
2053-01-20 Martin Luther King Jr. Day
2053-02-12 Lincoln's Birthday
2053-02-17 Washington's Birthday
2053-04-04 Good Friday
2053-05-26 Memorial Day
2053-06-19 Juneteenth National Independence Day
2053-07-04 Independence Day
2053-09-01 Labor Day
2053-10-13 Columbus Day
2053-11-11 Veterans Day
2053-11-27 Thanksgiving Day
2053-12-25 Christmas Day
2054-01-01 New Year's Day
2054-01-19 Martin Luther King Jr. Day
2054-02-12 Lincoln's Birthday
2054-02-16 Washington's Birthday
2054-03-27 Good Friday
2054-05-25 Memorial Day
2054-06-19 Juneteenth National Independence Day
2054-07-03 Independence Day (observed)
2054-07-04 Independence Day
2054-09-07 Labor Day
2054-10-12 Columbus Day
2054-11-11 Veterans Day
2054-11-26 Thanksgiving Day
2054-12-25 Christmas Day
2055-01-01 New Year's Day
2055-01-18 Martin Luther King Jr. Day
2055-02-12 Lincoln's Birthday
2055-02-15 Washington's Birthday
2055-04-16 Good Friday
2055-05-31 Memorial Day
2055-06-18 Juneteenth National Independence Day (observed)
2055-06-19 Juneteenth National Independence Day
2055-07-04 Independence Day
2055-07-05 Independence Day (observed)
2055-09-06 Labor Day
2055-10-11 Columbus Day
2055-11-11 Veterans Day
2055-11-25 Thanksgiving Day
2055-12-24 Christmas Day (observed)
2055-12-25 Christmas Day
2055-12-31 New Year's Day (observed)
2056-01-01 New Year's Day
2056-01-17 Martin Luther King Jr. Day
2056-02-11 Lincoln's Birthday (observed)
2056-02-12 Lincoln's Birthday
2056-02-21 Washington's Birthday
2056-03-31 Good Friday
2056-05-29 Memorial Day
2056-06-19 Juneteenth National Independence Day
2056-07-04 Independence Day
2056-09-04 Labor Day
2056-10-09 Columbus Day
2056-11-10 Veterans Day (observed)
2056-11-11 Veterans Day
2056-11-23 Thanksgiving Day
2056-12-25 Christmas Day
2057-01-01 New Year's Day
2057-01-15 Martin Luther King Jr. Day
2057-02-12 Lincoln's Birthday
2057-02-19 Washington's Birthday
2057-04-20 Good Friday
2057-05-28 Memorial Day
2057-06-19 Juneteenth National Independence Day
2057-07-04 Independence Day
2057-09-03 Labor Day
2057-10-08 Columbus Day
2057-11-11 Veterans Day
2057-11-12 Veterans Day (observed)
2057-11-22 Thanksgiving Day
2057-12-25 Christmas Day
2058-01-01 New Year's Day
2058-01-21 Martin Luther King Jr. Day
2058-02-12 Lincoln's Birthday
2058-02-18 Washington's Birthday
2058-04-12 Good Friday
2058-05-27 Memorial Day
2058-06-19 Juneteenth National Independence Day
2058-07-04 Independence Day
2058-09-02 Labor Day
2058-10-14 Columbus Day
2058-11-11 Veterans Day
2058-11-28 Thanksgiving Day
2058-12-25 Christmas Day
2059-01-01 New Year's Day
2059-01-20 Martin Luther King Jr. Day
2059-02-12 Lincoln's Birthday
2059-02-17 Washington's Birthday
2059-03-28 Good Friday
2059-05-26 Memorial Day
2059-06-19 Juneteenth National Independence Day
2059-07-04 Independence Day
2059-09-01 Labor Day
2059-10-13 Columbus Day
2059-11-11 Veterans Day
2059-11-27 Thanksgiving Day
2059-12-25 Christmas Day
2060-01-01 New Year's Day
2060-01-19 Martin Luther King Jr. Day
2060-02-12 Lincoln's Birthday
2060-02-16 Washington's Birthday
2060-04-16 Good Friday
2060-05-31 Memorial Day
2060-06-18 Juneteenth National Independence Day (observed)
2060-06-19 Juneteenth National Independence Day
2060-07-04 Independence Day
2060-07-05 Independence Day (observed)
2060-09-06 Labor Day
2060-10-11 Columbus Day
2060-11-11 Veterans Day
2060-11-25 Thanksgiving Day
2060-12-24 Christmas Day (observed)
2060-12-25 Christmas Day
2060-12-31 New Year's Day (observed)
"""


@cache
def _by_year() -> dict[int, dict[date, str]]:
    years: dict[int, dict[date, str]] = {y: {} for y in range(FIRST_YEAR, LAST_YEAR + 1)}
    for line in WRITTEN.splitlines():
        day, name = date.fromisoformat(line[:10]), line[11:]
        years[day.year][day] = name
    return years


def holidays_of(year: int) -> dict[date, str] | None:
    """The holidays dated in `year` (a copy), or None for a year not written out."""
    found = _by_year().get(year)
    return None if found is None else dict(found)


def _write() -> None:
    from pathlib import Path

    from .calendar import library_holidays

    lines = [f"{day.isoformat()} {name}\n" for year in range(FIRST_YEAR, LAST_YEAR + 1)
             for day, name in sorted(library_holidays(year).items())]
    path = Path(__file__)
    head, _, rest = path.read_text(encoding="utf-8").partition('WRITTEN = """\\\n')
    _, _, tail = rest.partition('"""\n')
    path.write_text(f'{head}WRITTEN = """\\\n{"".join(lines)}"""\n{tail}', encoding="utf-8")


if __name__ == "__main__":
    _write()
