import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { pickLang } from '@/utils/i18n';
import { langSetting } from '@/utils/settings';
import './style.css';

const pref = await langSetting.getValue();
const lang = pickLang(browser.i18n.getUILanguage?.() ?? navigator.language, pref === 'auto' ? null : pref);
document.documentElement.lang = lang;
render(<App initialLang={lang} initialPref={pref} />, document.getElementById('app')!);
