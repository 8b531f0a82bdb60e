// Every CLI command registers itself on import; add a line here for a new one.
import './check';
import './export';
import './import';
import './minutes';
import './backup';
import './seal';
import './verify';
import './zip';
import './documents';
import './translations';
